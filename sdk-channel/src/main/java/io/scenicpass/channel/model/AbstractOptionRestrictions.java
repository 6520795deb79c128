// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates OptionRestrictions.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * How many units one booking of an option may hold.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractOptionRestrictions {

    /** @return the minimum number of units */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("minUnits")
    public abstract @Nullable Integer getMinUnits();

    /** @return the maximum number of units, null for no limit */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("maxUnits")
    public abstract @Nullable Integer getMaxUnits();
}
