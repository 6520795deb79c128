// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Unit.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * A unit of an option: a kind of ticket (adult, child, senior...).
 */
@Value.Modifiable
@OctoValue
abstract class AbstractUnit {

    /** @return the unit id */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return the internal name */
    @JsonProperty("internalName")
    public abstract @Nullable String getInternalName();

    /** @return the supplier's reference */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reference")
    public abstract @Nullable String getReference();

    /** @return the title shown to customers (octo/content) */
    @JsonProperty("title")
    public abstract @Nullable String getTitle();

    /** @return the unit type */
    @JsonProperty("type")
    public abstract @Nullable UnitType getType();

    /** The list as set or read (null when absent); {@link #getRequiredContactFields()} for a never-null view. */
    @JsonProperty("requiredContactFields")
    abstract @Nullable List<String> requiredContactFields();

    /** @return contact fields required per unit item (never null; empty when absent) */
    public final List<String> getRequiredContactFields() {
        return ModelLists.view(requiredContactFields());
    }

    /** @return the restrictions */
    @JsonProperty("restrictions")
    public abstract @Nullable UnitRestrictions getRestrictions();

    /** The list as set or read (null when absent); {@link #getPricingFrom()} for a never-null view. */
    @JsonProperty("pricingFrom")
    abstract @Nullable List<UnitPricing> pricingFrom();

    /** @return the lowest prices (octo/pricing) (never null; empty when absent) */
    public final List<UnitPricing> getPricingFrom() {
        return ModelLists.view(pricingFrom());
    }
}
