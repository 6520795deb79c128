package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.EntryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Entry events uploaded by a device (POST /terminal/v1/entries). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EntryBatch {
    private final String deviceId;
    private final List<EntryEvent> events;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public EntryBatch(@JsonProperty("deviceId") String deviceId, @JsonProperty("events") List<EntryEvent> events) {
        this.deviceId = deviceId;
        this.events = events == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** Device id. */
    public String deviceId() {
        return deviceId;
    }

    /** The events. */
    public List<EntryEvent> events() {
        return events;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntryBatch)) {
            return false;
        }
        EntryBatch x = (EntryBatch) o;
        return Objects.equals(deviceId, x.deviceId) && Objects.equals(events, x.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, events);
    }

    @Override
    public String toString() {
        return "EntryBatch{" + "deviceId=" + deviceId + ", " + "events=" + events + "}";
    }
}
