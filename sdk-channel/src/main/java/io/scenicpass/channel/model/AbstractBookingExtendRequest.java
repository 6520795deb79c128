// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates BookingExtendRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * Body of {@code POST /bookings/{uuid}/extend}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractBookingExtendRequest {

    /** @return how many more minutes to hold */
    @JsonProperty("expirationMinutes")
    public abstract @Nullable Integer getExpirationMinutes();
}
