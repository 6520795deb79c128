// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates OfferComparison.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * A booking's price with one offer (octo/offers): the offer's code and title and the pricing it gives.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractOfferComparison {

    /** @return the offer's code (null: an automatic offer) */
    @JsonProperty("offerCode")
    public abstract @Nullable String getOfferCode();

    /** @return the offer's title */
    @JsonProperty("offerTitle")
    public abstract @Nullable String getOfferTitle();

    /** @return the booking's pricing with this offer */
    @JsonProperty("pricing")
    public abstract @Nullable Pricing getPricing();
}
