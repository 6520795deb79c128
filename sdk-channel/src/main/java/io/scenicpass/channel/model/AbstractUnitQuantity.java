// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates UnitQuantity.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * A unit and a quantity in an availability request.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractUnitQuantity {

    /** @return the unit id */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return the quantity */
    @JsonProperty("quantity")
    public abstract @Nullable Integer getQuantity();
}
