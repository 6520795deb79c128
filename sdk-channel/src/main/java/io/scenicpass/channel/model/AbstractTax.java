// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Tax.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * A tax included in a price (octo/pricing).
 */
@Value.Modifiable
@OctoValue
abstract class AbstractTax {

    /** @return the tax name */
    @JsonProperty("name")
    public abstract @Nullable String getName();

    /** @return the retail amount in minor units */
    @JsonProperty("retail")
    public abstract @Nullable Integer getRetail();

    /** @return the original amount in minor units */
    @JsonProperty("original")
    public abstract @Nullable Integer getOriginal();

    /** @return the net amount in minor units */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("net")
    public abstract @Nullable Integer getNet();
}
