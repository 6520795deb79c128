package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Revoked pass ids from one sequence number to another (revocation is permanent: no removals). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RevocationDelta {
    private final long fromSequence;
    private final long toSequence;
    private final List<String> revokedPassIds;
    private final boolean more;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public RevocationDelta(
            @JsonProperty("fromSequence") long fromSequence,
            @JsonProperty("toSequence") long toSequence,
            @JsonProperty("revokedPassIds") List<String> revokedPassIds,
            @JsonProperty("more") boolean more) {
        this.fromSequence = fromSequence;
        this.toSequence = toSequence;
        this.revokedPassIds = revokedPassIds == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(new ArrayList<>(revokedPassIds));
        this.more = more;
    }

    /** Sequence the delta applies to. */
    public long fromSequence() {
        return fromSequence;
    }

    /** Sequence after applying. */
    public long toSequence() {
        return toSequence;
    }

    /** Newly revoked pass ids. */
    public List<String> revokedPassIds() {
        return revokedPassIds;
    }

    /** True if more deltas follow. */
    public boolean more() {
        return more;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RevocationDelta)) {
            return false;
        }
        RevocationDelta x = (RevocationDelta) o;
        return fromSequence == x.fromSequence
                && toSequence == x.toSequence
                && Objects.equals(revokedPassIds, x.revokedPassIds)
                && more == x.more;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromSequence, toSequence, revokedPassIds, more);
    }

    @Override
    public String toString() {
        return "RevocationDelta{" + "fromSequence=" + fromSequence + ", " + "toSequence=" + toSequence + ", "
                + "revokedPassIds=" + revokedPassIds + ", " + "more=" + more + "}";
    }
}
