// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Cancellation.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * Details of a cancellation.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractCancellation {

    /** @return the refund granted */
    @JsonProperty("refund")
    public abstract @Nullable RefundType getRefund();

    /** @return the reason given */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reason")
    public abstract @Nullable String getReason();

    /** @return when it was cancelled, UTC */
    @JsonProperty("utcCancelledAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcCancelledAt();
}
