// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook event delivered to a channel; de-duplicate by {@code eventId} (delivery is at least once).
 *
 * <p>Mutable with fluent setters while being built; getters return unmodifiable views of lists.
 * Jackson reads and writes the fields directly, so any {@code ObjectMapper} gives the same JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class WebhookEvent {
    @JsonProperty("eventId")
    private String eventId;

    @JsonProperty("type")
    private WebhookEventType type;

    @JsonProperty("utcCreatedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcCreatedAt;

    @JsonProperty("booking")
    private Booking booking;

    /** Creates an empty instance; fill it with the fluent setters. */
    public WebhookEvent() {}

    /** @return the unique event id */
    public String getEventId() {
        return eventId;
    }

    /**
     * @param value the unique event id
     * @return this
     */
    public WebhookEvent eventId(String value) {
        this.eventId = value;
        return this;
    }

    /** @return the event type */
    public WebhookEventType getType() {
        return type;
    }

    /**
     * @param value the event type
     * @return this
     */
    public WebhookEvent type(WebhookEventType value) {
        this.type = value;
        return this;
    }

    /** @return when the event happened, UTC */
    public Instant getUtcCreatedAt() {
        return utcCreatedAt;
    }

    /**
     * @param value when the event happened, UTC
     * @return this
     */
    public WebhookEvent utcCreatedAt(Instant value) {
        this.utcCreatedAt = value;
        return this;
    }

    /** @return the booking as it is after the event */
    public Booking getBooking() {
        return booking;
    }

    /**
     * @param value the booking as it is after the event
     * @return this
     */
    public WebhookEvent booking(Booking value) {
        this.booking = value;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        WebhookEvent that = (WebhookEvent) o;
        return Objects.equals(eventId, that.eventId)
                && Objects.equals(type, that.type)
                && Objects.equals(utcCreatedAt, that.utcCreatedAt)
                && Objects.equals(booking, that.booking);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, type, utcCreatedAt, booking);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "WebhookEvent{" + "eventId=" + eventId + ", " + "type=" + type + ", " + "utcCreatedAt=" + utcCreatedAt
                + ", " + "booking=" + booking + "}";
    }
}
