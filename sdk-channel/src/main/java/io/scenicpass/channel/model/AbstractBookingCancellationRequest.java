// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates
// BookingCancellationRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * Body of {@code POST /bookings/{uuid}/cancel}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractBookingCancellationRequest {

    /** @return why the booking is cancelled */
    @JsonProperty("reason")
    public abstract @Nullable String getReason();

    /** @return cancel even after the cutoff (only where the supplier allows it) */
    @JsonProperty("force")
    public abstract @Nullable Boolean getForce();
}
