// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates UnitRestrictions.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * Who may use a unit and how many per booking.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractUnitRestrictions {

    /** @return the minimum age */
    @JsonProperty("minAge")
    public abstract @Nullable Integer getMinAge();

    /** @return the maximum age */
    @JsonProperty("maxAge")
    public abstract @Nullable Integer getMaxAge();

    /** @return whether an ID must be shown */
    @JsonProperty("idRequired")
    public abstract boolean isIdRequired();

    /** @return the minimum quantity per booking */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("minQuantity")
    public abstract @Nullable Integer getMinQuantity();

    /** @return the maximum quantity per booking */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("maxQuantity")
    public abstract @Nullable Integer getMaxQuantity();

    /** @return how many people one unit admits */
    @JsonProperty("paxCount")
    public abstract @Nullable Integer getPaxCount();

    /** The list as set or read (null when absent); {@link #getAccompaniedBy()} for a never-null view. */
    @JsonProperty("accompaniedBy")
    abstract @Nullable List<String> accompaniedBy();

    /** @return unit ids one of which must be booked alongside (never null; empty when absent) */
    public final List<String> getAccompaniedBy() {
        return ModelLists.view(accompaniedBy());
    }
}
