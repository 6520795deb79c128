// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates DeliveryOption.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * One way to deliver a ticket, e.g. a QR code whose value is the signed pass.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractDeliveryOption {

    /** @return the format */
    @JsonProperty("deliveryFormat")
    public abstract @Nullable DeliveryFormat getDeliveryFormat();

    /** @return the value (QR text, URL...) */
    @JsonProperty("deliveryValue")
    public abstract @Nullable String getDeliveryValue();
}
