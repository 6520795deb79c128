// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Pricing.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * A price in minor units (capability {@code octo/pricing}).
 */
@Value.Modifiable
@OctoValue
abstract class AbstractPricing {

    /** @return the original (undiscounted) price in minor units */
    @JsonProperty("original")
    public abstract @Nullable Integer getOriginal();

    /** @return the retail price in minor units */
    @JsonProperty("retail")
    public abstract @Nullable Integer getRetail();

    /** @return the net price the channel pays, in minor units */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("net")
    public abstract @Nullable Integer getNet();

    /** @return the ISO 4217 currency code */
    @JsonProperty("currency")
    public abstract @Nullable String getCurrency();

    /** @return the number of minor-unit digits (2 for CNY) */
    @JsonProperty("currencyPrecision")
    public abstract @Nullable Integer getCurrencyPrecision();

    /** The list as set or read (null when absent); {@link #getIncludedTaxes()} for a never-null view. */
    @JsonProperty("includedTaxes")
    abstract @Nullable List<Tax> includedTaxes();

    /** @return the taxes included in the price (never null; empty when absent) */
    public final List<Tax> getIncludedTaxes() {
        return ModelLists.view(includedTaxes());
    }

    /** @return what an offer took off this price (octo/offers), or null */
    @JsonProperty("offerDiscount")
    public abstract @Nullable OfferDiscount getOfferDiscount();
}
