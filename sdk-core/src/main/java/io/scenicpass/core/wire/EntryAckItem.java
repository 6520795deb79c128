package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Acknowledgement of one entry event. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EntryAckItem {
    private final String eventId;
    private final EntryAckStatus status;
    private final String message;
    private final String reason;

    /** All fields; {@code reason} (a code of {@link EntryAckReason}) may be null. */
    @JsonCreator
    public EntryAckItem(
            @JsonProperty("eventId") String eventId,
            @JsonProperty("status") EntryAckStatus status,
            @JsonProperty("message") String message,
            @JsonProperty("reason") String reason) {
        this.eventId = eventId;
        this.status = status;
        this.message = message;
        this.reason = reason;
    }

    /** Without a reason code. */
    public EntryAckItem(String eventId, EntryAckStatus status, String message) {
        this(eventId, status, message, null);
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

    /**
     * Why a {@code REJECTED} or {@code OVERUSE_CONFLICT} event was answered so: a code of {@link EntryAckReason}
     * (a string, so codes added by newer servers read fine); null otherwise and from older servers.
     */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntryAckItem)) {
            return false;
        }
        EntryAckItem x = (EntryAckItem) o;
        return Objects.equals(eventId, x.eventId)
                && Objects.equals(status, x.status)
                && Objects.equals(message, x.message)
                && Objects.equals(reason, x.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, status, message, reason);
    }

    @Override
    public String toString() {
        return "EntryAckItem{" + "eventId=" + eventId + ", " + "status=" + status + ", " + "message=" + message + ", "
                + "reason=" + reason + "}";
    }
}
