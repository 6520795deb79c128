package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Acknowledgement of one entry event. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EntryAckItem {
    private final String eventId;
    private final EntryAckStatus status;
    private final String message;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public EntryAckItem(@JsonProperty("eventId") String eventId,
            @JsonProperty("status") EntryAckStatus status,
            @JsonProperty("message") String message) {
        this.eventId = eventId;
        this.status = status;
        this.message = message;
    }

    /** Event id. */
    public String eventId() {
        return eventId;
    }

    /** Outcome. */
    public EntryAckStatus status() {
        return status;
    }

    /** Detail, may be null. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntryAckItem)) {
            return false;
        }
        EntryAckItem x = (EntryAckItem) o;
        return Objects.equals(eventId, x.eventId)
                && Objects.equals(status, x.status)
                && Objects.equals(message, x.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, status, message);
    }

    @Override
    public String toString() {
        return "EntryAckItem{" + "eventId=" + eventId + ", " + "status=" + status + ", " + "message=" + message + "}";
    }
}
