// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates OfferDiscount.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * What an offer took off a price (octo/offers), in minor units: {@code original - retail} of that price.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractOfferDiscount {

    /** @return the retail amount taken off */
    @JsonProperty("retail")
    public abstract @Nullable Integer getRetail();

    /** @return the net amount taken off */
    @JsonProperty("net")
    public abstract @Nullable Integer getNet();
}
