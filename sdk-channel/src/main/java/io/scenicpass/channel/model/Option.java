// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A bookable option of a product.
 *
 * <p>Mutable with fluent setters while being built; getters return unmodifiable views of lists.
 * Jackson reads and writes the fields directly, so any {@code ObjectMapper} gives the same JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Option {
    @JsonProperty("id")
    private String id;

    @JsonProperty("default")
    private boolean defaultOption;

    @JsonProperty("internalName")
    private String internalName;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reference")
    private String reference;

    @JsonProperty("title")
    private String title;

    @JsonProperty("availabilityLocalStartTimes")
    private List<String> availabilityLocalStartTimes;

    @JsonProperty("cancellationCutoff")
    private String cancellationCutoff;

    @JsonProperty("cancellationCutoffAmount")
    private Integer cancellationCutoffAmount;

    @JsonProperty("cancellationCutoffUnit")
    private String cancellationCutoffUnit;

    @JsonProperty("requiredContactFields")
    private List<String> requiredContactFields;

    @JsonProperty("restrictions")
    private OptionRestrictions restrictions;

    @JsonProperty("units")
    private List<Unit> units;

    @JsonProperty("pricingFrom")
    private List<UnitPricing> pricingFrom;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Option() {}

    /** @return the option id */
    public String getId() {
        return id;
    }

    /**
     * @param value the option id
     * @return this
     */
    public Option id(String value) {
        this.id = value;
        return this;
    }

    /** @return whether this is the product's default option */
    public boolean isDefaultOption() {
        return defaultOption;
    }

    /**
     * @param value whether this is the product's default option
     * @return this
     */
    public Option defaultOption(boolean value) {
        this.defaultOption = value;
        return this;
    }

    /** @return the internal name */
    public String getInternalName() {
        return internalName;
    }

    /**
     * @param value the internal name
     * @return this
     */
    public Option internalName(String value) {
        this.internalName = value;
        return this;
    }

    /** @return the supplier's reference */
    public String getReference() {
        return reference;
    }

    /**
     * @param value the supplier's reference
     * @return this
     */
    public Option reference(String value) {
        this.reference = value;
        return this;
    }

    /** @return the title shown to customers (octo/content) */
    public String getTitle() {
        return title;
    }

    /**
     * @param value the title shown to customers (octo/content)
     * @return this
     */
    public Option title(String value) {
        this.title = value;
        return this;
    }

    /** @return the local start times ({@code HH:mm}) of the slots (never null; empty when absent) */
    public List<String> getAvailabilityLocalStartTimes() {
        return availabilityLocalStartTimes == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(availabilityLocalStartTimes);
    }

    /**
     * @param value the local start times ({@code HH:mm}) of the slots (copied; null to omit)
     * @return this
     */
    public Option availabilityLocalStartTimes(List<String> value) {
        this.availabilityLocalStartTimes = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the cancellation cutoff as text, e.g. {@code 2 hours} */
    public String getCancellationCutoff() {
        return cancellationCutoff;
    }

    /**
     * @param value the cancellation cutoff as text, e.g. {@code 2 hours}
     * @return this
     */
    public Option cancellationCutoff(String value) {
        this.cancellationCutoff = value;
        return this;
    }

    /** @return the cancellation cutoff amount */
    public Integer getCancellationCutoffAmount() {
        return cancellationCutoffAmount;
    }

    /**
     * @param value the cancellation cutoff amount
     * @return this
     */
    public Option cancellationCutoffAmount(Integer value) {
        this.cancellationCutoffAmount = value;
        return this;
    }

    /** @return the cancellation cutoff unit ({@code hour}, {@code minute}, {@code day}) */
    public String getCancellationCutoffUnit() {
        return cancellationCutoffUnit;
    }

    /**
     * @param value the cancellation cutoff unit ({@code hour}, {@code minute}, {@code day})
     * @return this
     */
    public Option cancellationCutoffUnit(String value) {
        this.cancellationCutoffUnit = value;
        return this;
    }

    /** @return contact fields required per booking (never null; empty when absent) */
    public List<String> getRequiredContactFields() {
        return requiredContactFields == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(requiredContactFields);
    }

    /**
     * @param value contact fields required per booking (copied; null to omit)
     * @return this
     */
    public Option requiredContactFields(List<String> value) {
        this.requiredContactFields = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the restrictions */
    public OptionRestrictions getRestrictions() {
        return restrictions;
    }

    /**
     * @param value the restrictions
     * @return this
     */
    public Option restrictions(OptionRestrictions value) {
        this.restrictions = value;
        return this;
    }

    /** @return the units (never null; empty when absent) */
    public List<Unit> getUnits() {
        return units == null ? Collections.emptyList() : Collections.unmodifiableList(units);
    }

    /**
     * @param value the units (copied; null to omit)
     * @return this
     */
    public Option units(List<Unit> value) {
        this.units = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the lowest prices (octo/pricing) (never null; empty when absent) */
    public List<UnitPricing> getPricingFrom() {
        return pricingFrom == null ? Collections.emptyList() : Collections.unmodifiableList(pricingFrom);
    }

    /**
     * @param value the lowest prices (octo/pricing) (copied; null to omit)
     * @return this
     */
    public Option pricingFrom(List<UnitPricing> value) {
        this.pricingFrom = value == null ? null : new ArrayList<>(value);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Option that = (Option) o;
        return Objects.equals(id, that.id)
                && Objects.equals(defaultOption, that.defaultOption)
                && Objects.equals(internalName, that.internalName)
                && Objects.equals(reference, that.reference)
                && Objects.equals(title, that.title)
                && Objects.equals(availabilityLocalStartTimes, that.availabilityLocalStartTimes)
                && Objects.equals(cancellationCutoff, that.cancellationCutoff)
                && Objects.equals(cancellationCutoffAmount, that.cancellationCutoffAmount)
                && Objects.equals(cancellationCutoffUnit, that.cancellationCutoffUnit)
                && Objects.equals(requiredContactFields, that.requiredContactFields)
                && Objects.equals(restrictions, that.restrictions)
                && Objects.equals(units, that.units)
                && Objects.equals(pricingFrom, that.pricingFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                defaultOption,
                internalName,
                reference,
                title,
                availabilityLocalStartTimes,
                cancellationCutoff,
                cancellationCutoffAmount,
                cancellationCutoffUnit,
                requiredContactFields,
                restrictions,
                units,
                pricingFrom);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Option{" + "id=" + id + ", " + "defaultOption=" + defaultOption + ", " + "internalName=" + internalName
                + ", " + "reference=" + reference + ", " + "title=" + title + ", " + "availabilityLocalStartTimes="
                + availabilityLocalStartTimes + ", " + "cancellationCutoff=" + cancellationCutoff + ", "
                + "cancellationCutoffAmount=" + cancellationCutoffAmount + ", " + "cancellationCutoffUnit="
                + cancellationCutoffUnit + ", " + "requiredContactFields=" + requiredContactFields + ", "
                + "restrictions=" + restrictions + ", " + "units=" + units + ", " + "pricingFrom=" + pricingFrom + "}";
    }
}
