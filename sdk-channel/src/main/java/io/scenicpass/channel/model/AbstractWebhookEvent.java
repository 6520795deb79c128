// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates WebhookEvent.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A webhook event delivered to a channel; de-duplicate by {@code eventId} (delivery is at least once).
 */
@Value.Modifiable
@OctoValue
abstract class AbstractWebhookEvent {

    /** @return the unique event id */
    @JsonProperty("eventId")
    public abstract @Nullable String getEventId();

    /** @return the event type */
    @JsonProperty("type")
    public abstract @Nullable WebhookEventType getType();

    /** @return when the event happened, UTC */
    @JsonProperty("utcCreatedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcCreatedAt();

    /** @return the booking as it is after the event */
    @JsonProperty("booking")
    public abstract @Nullable Booking getBooking();
}
