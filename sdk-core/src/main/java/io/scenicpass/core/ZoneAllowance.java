package io.scenicpass.core;

import java.util.Objects;

/** How many entries a pass allows into one zone (0 = unlimited). */
public final class ZoneAllowance {
    private final String zoneId;
    private final int entries;

    private ZoneAllowance(String zoneId, int entries) {
        this.zoneId = zoneId;
        this.entries = entries;
    }

    /** A zone allowance; {@code entries} 0 means unlimited. */
    public static ZoneAllowance of(String zoneId, int entries) {
        if (zoneId == null || zoneId.isEmpty()) {
            throw new IllegalArgumentException("zoneId must not be empty");
        }
        if (entries < 0) {
            throw new IllegalArgumentException("entries must be >= 0");
        }
        return new ZoneAllowance(zoneId, entries);
    }

    /** The zone id. */
    public String zoneId() {
        return zoneId;
    }

    /** Entries allowed into the zone; 0 = unlimited. */
    public int entries() {
        return entries;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ZoneAllowance)) {
            return false;
        }
        ZoneAllowance z = (ZoneAllowance) o;
        return zoneId.equals(z.zoneId) && entries == z.entries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(zoneId, entries);
    }

    @Override
    public String toString() {
        return zoneId + ":" + entries;
    }
}
