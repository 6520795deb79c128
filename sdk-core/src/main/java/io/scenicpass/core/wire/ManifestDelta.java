package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Changes to the day manifest between two cursors. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ManifestDelta {
    private final long fromCursor;
    private final long toCursor;
    private final List<ManifestEntry> upserts;
    private final List<String> removedPassIds;
    private final boolean more;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public ManifestDelta(
            @JsonProperty("fromCursor") long fromCursor,
            @JsonProperty("toCursor") long toCursor,
            @JsonProperty("upserts") List<ManifestEntry> upserts,
            @JsonProperty("removedPassIds") List<String> removedPassIds,
            @JsonProperty("more") boolean more) {
        this.fromCursor = fromCursor;
        this.toCursor = toCursor;
        this.upserts =
                upserts == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(upserts));
        this.removedPassIds = removedPassIds == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(removedPassIds));
        this.more = more;
    }

    /** Cursor the delta applies to. */
    public long fromCursor() {
        return fromCursor;
    }

    /** Cursor after applying. */
    public long toCursor() {
        return toCursor;
    }

    /** Entries added or replaced. */
    public List<ManifestEntry> upserts() {
        return upserts;
    }

    /** Pass ids removed. */
    public List<String> removedPassIds() {
        return removedPassIds;
    }

    /** True if more deltas follow. */
    public boolean more() {
        return more;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ManifestDelta)) {
            return false;
        }
        ManifestDelta x = (ManifestDelta) o;
        return fromCursor == x.fromCursor
                && toCursor == x.toCursor
                && Objects.equals(upserts, x.upserts)
                && Objects.equals(removedPassIds, x.removedPassIds)
                && more == x.more;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromCursor, toCursor, upserts, removedPassIds, more);
    }

    @Override
    public String toString() {
        return "ManifestDelta{" + "fromCursor=" + fromCursor + ", " + "toCursor=" + toCursor + ", " + "upserts="
                + upserts + ", " + "removedPassIds=" + removedPassIds + ", " + "more=" + more + "}";
    }
}
