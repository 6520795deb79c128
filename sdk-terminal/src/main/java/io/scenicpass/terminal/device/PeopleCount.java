package io.scenicpass.terminal.device;

import java.time.Instant;
import java.util.Objects;

/** Cumulative counts of a people counter since it started (or since its counters last wrapped). */
public final class PeopleCount {
    private final String deviceId;
    private final Instant at;
    private final long in;
    private final long out;

    /** Creates a count. */
    public PeopleCount(String deviceId, Instant at, long in, long out) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.at = Objects.requireNonNull(at, "at");
        this.in = in;
        this.out = out;
    }

    /** The counter. */
    public String deviceId() {
        return deviceId;
    }

    /** When it was read. */
    public Instant at() {
        return at;
    }

    /** People counted going in. */
    public long in() {
        return in;
    }

    /** People counted going out. */
    public long out() {
        return out;
    }

    @Override
    public String toString() {
        return "PeopleCount{" + deviceId + " in=" + in + " out=" + out + "}";
    }
}
