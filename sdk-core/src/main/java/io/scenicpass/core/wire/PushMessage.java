package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A server push (SSE event name = type). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PushMessage {
    private final PushType type;
    private final long sequence;
    private final JsonNode payload;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public PushMessage(
            @JsonProperty("type") PushType type,
            @JsonProperty("sequence") long sequence,
            @JsonProperty("payload") JsonNode payload) {
        this.type = type;
        this.sequence = sequence;
        this.payload = payload;
    }

    /** Kind of push. */
    public PushType type() {
        return type;
    }

    /** Sequence number of the pushed state. */
    public long sequence() {
        return sequence;
    }

    /** Payload, depends on type. */
    public JsonNode payload() {
        return payload;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PushMessage)) {
            return false;
        }
        PushMessage x = (PushMessage) o;
        return Objects.equals(type, x.type) && sequence == x.sequence && Objects.equals(payload, x.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, sequence, payload);
    }

    @Override
    public String toString() {
        return "PushMessage{" + "type=" + type + ", " + "sequence=" + sequence + ", " + "payload=" + payload + "}";
    }
}
