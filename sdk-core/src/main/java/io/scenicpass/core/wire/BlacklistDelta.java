package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Changes to the person blacklist (holder bindings as base64url strings). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class BlacklistDelta {
    private final long fromSequence;
    private final long toSequence;
    private final List<String> added;
    private final List<String> removed;
    private final boolean more;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public BlacklistDelta(
            @JsonProperty("fromSequence") long fromSequence,
            @JsonProperty("toSequence") long toSequence,
            @JsonProperty("added") List<String> added,
            @JsonProperty("removed") List<String> removed,
            @JsonProperty("more") boolean more) {
        this.fromSequence = fromSequence;
        this.toSequence = toSequence;
        this.added = added == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(added));
        this.removed =
                removed == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(removed));
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

    /** Bindings added (base64url). */
    public List<String> added() {
        return added;
    }

    /** Bindings removed (base64url). */
    public List<String> removed() {
        return removed;
    }

    /** True if more deltas follow. */
    public boolean more() {
        return more;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BlacklistDelta)) {
            return false;
        }
        BlacklistDelta x = (BlacklistDelta) o;
        return fromSequence == x.fromSequence
                && toSequence == x.toSequence
                && Objects.equals(added, x.added)
                && Objects.equals(removed, x.removed)
                && more == x.more;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromSequence, toSequence, added, removed, more);
    }

    @Override
    public String toString() {
        return "BlacklistDelta{" + "fromSequence=" + fromSequence + ", " + "toSequence=" + toSequence + ", " + "added="
                + added + ", " + "removed=" + removed + ", " + "more=" + more + "}";
    }
}
