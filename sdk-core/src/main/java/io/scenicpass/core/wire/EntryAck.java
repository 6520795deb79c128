package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Per-event acknowledgement of an entry batch. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EntryAck {
    private final List<EntryAckItem> results;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public EntryAck(@JsonProperty("results") List<EntryAckItem> results) {
        this.results =
                results == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(results));
    }

    /** One item per event. */
    public List<EntryAckItem> results() {
        return results;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntryAck)) {
            return false;
        }
        EntryAck x = (EntryAck) o;
        return Objects.equals(results, x.results);
    }

    @Override
    public int hashCode() {
        return Objects.hash(results);
    }

    @Override
    public String toString() {
        return "EntryAck{" + "results=" + results + "}";
    }
}
