// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Option.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * A bookable option of a product.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractOption {

    /** @return the option id */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return whether this is the product's default option */
    @JsonProperty("default")
    public abstract boolean isDefaultOption();

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

    /** The list as set or read (null when absent); {@link #getAvailabilityLocalStartTimes()} for a never-null view. */
    @JsonProperty("availabilityLocalStartTimes")
    abstract @Nullable List<String> availabilityLocalStartTimes();

    /** @return the local start times ({@code HH:mm}) of the slots (never null; empty when absent) */
    public final List<String> getAvailabilityLocalStartTimes() {
        return ModelLists.view(availabilityLocalStartTimes());
    }

    /** @return the cancellation cutoff as text, e.g. {@code 2 hours} */
    @JsonProperty("cancellationCutoff")
    public abstract @Nullable String getCancellationCutoff();

    /** @return the cancellation cutoff amount */
    @JsonProperty("cancellationCutoffAmount")
    public abstract @Nullable Integer getCancellationCutoffAmount();

    /** @return the cancellation cutoff unit ({@code hour}, {@code minute}, {@code day}) */
    @JsonProperty("cancellationCutoffUnit")
    public abstract @Nullable String getCancellationCutoffUnit();

    /** The list as set or read (null when absent); {@link #getRequiredContactFields()} for a never-null view. */
    @JsonProperty("requiredContactFields")
    abstract @Nullable List<String> requiredContactFields();

    /** @return contact fields required per booking (never null; empty when absent) */
    public final List<String> getRequiredContactFields() {
        return ModelLists.view(requiredContactFields());
    }

    /** @return the restrictions */
    @JsonProperty("restrictions")
    public abstract @Nullable OptionRestrictions getRestrictions();

    /** The list as set or read (null when absent); {@link #getUnits()} for a never-null view. */
    @JsonProperty("units")
    abstract @Nullable List<Unit> units();

    /** @return the units (never null; empty when absent) */
    public final List<Unit> getUnits() {
        return ModelLists.view(units());
    }

    /** The list as set or read (null when absent); {@link #getPricingFrom()} for a never-null view. */
    @JsonProperty("pricingFrom")
    abstract @Nullable List<UnitPricing> pricingFrom();

    /** @return the lowest prices (octo/pricing) (never null; empty when absent) */
    public final List<UnitPricing> getPricingFrom() {
        return ModelLists.view(pricingFrom());
    }
}
