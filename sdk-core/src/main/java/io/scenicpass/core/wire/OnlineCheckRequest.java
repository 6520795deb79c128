package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.Direction;
import java.time.Instant;
import java.util.Objects;

/** Online check of a pass (POST /terminal/v1/online-check). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OnlineCheckRequest {
    private final String eventId;
    private final String passText;
    private final String gateId;
    private final String zoneId;
    private final Direction direction;
    private final Instant decidedAt;

    /** Without the gate's decision time (the server then records the entry at its own time). */
    public OnlineCheckRequest(String eventId, String passText, String gateId, String zoneId, Direction direction) {
        this(eventId, passText, gateId, zoneId, direction, null);
    }

    /**
     * All fields.
     *
     * @param decidedAt the gate's (corrected) time of the decision, as it journals it: the claimed entry is recorded
     *     at this time, like an uploaded one; null: the server's time
     */
    @JsonCreator
    public OnlineCheckRequest(
            @JsonProperty("eventId") String eventId,
            @JsonProperty("passText") String passText,
            @JsonProperty("gateId") String gateId,
            @JsonProperty("zoneId") String zoneId,
            @JsonProperty("direction") Direction direction,
            @JsonProperty("decidedAt") Instant decidedAt) {
        this.eventId = eventId;
        this.passText = passText;
        this.gateId = gateId;
        this.zoneId = zoneId;
        this.direction = direction;
        this.decidedAt = decidedAt;
    }

    /** The gate's time of the decision (null: not sent). */
    public Instant decidedAt() {
        return decidedAt;
    }

    /** Event id. */
    public String eventId() {
        return eventId;
    }

    /** Pass text. */
    public String passText() {
        return passText;
    }

    /** Gate id. */
    public String gateId() {
        return gateId;
    }

    /** Zone id. */
    public String zoneId() {
        return zoneId;
    }

    /** Direction. */
    public Direction direction() {
        return direction;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OnlineCheckRequest)) {
            return false;
        }
        OnlineCheckRequest x = (OnlineCheckRequest) o;
        return Objects.equals(eventId, x.eventId)
                && Objects.equals(passText, x.passText)
                && Objects.equals(gateId, x.gateId)
                && Objects.equals(zoneId, x.zoneId)
                && Objects.equals(direction, x.direction)
                && Objects.equals(decidedAt, x.decidedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, passText, gateId, zoneId, direction, decidedAt);
    }

    @Override
    public String toString() {
        return "OnlineCheckRequest{" + "eventId=" + eventId + ", " + "passText=" + passText + ", " + "gateId=" + gateId
                + ", " + "zoneId=" + zoneId + ", " + "direction=" + direction + ", decidedAt=" + decidedAt + "}";
    }
}
