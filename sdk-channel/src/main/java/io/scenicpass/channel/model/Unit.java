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
 * A unit of an option: a kind of ticket (adult, child, senior...).
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
public class Unit {
    @JsonProperty("id")
    private String id;

    @JsonProperty("internalName")
    private String internalName;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reference")
    private String reference;

    @JsonProperty("title")
    private String title;

    @JsonProperty("type")
    private UnitType type;

    @JsonProperty("requiredContactFields")
    private List<String> requiredContactFields;

    @JsonProperty("restrictions")
    private UnitRestrictions restrictions;

    @JsonProperty("pricingFrom")
    private List<UnitPricing> pricingFrom;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Unit() {}

    /** @return the unit id */
    public String getId() {
        return id;
    }

    /**
     * @param value the unit id
     * @return this
     */
    public Unit id(String value) {
        this.id = value;
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
    public Unit internalName(String value) {
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
    public Unit reference(String value) {
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
    public Unit title(String value) {
        this.title = value;
        return this;
    }

    /** @return the unit type */
    public UnitType getType() {
        return type;
    }

    /**
     * @param value the unit type
     * @return this
     */
    public Unit type(UnitType value) {
        this.type = value;
        return this;
    }

    /** @return contact fields required per unit item (never null; empty when absent) */
    public List<String> getRequiredContactFields() {
        return requiredContactFields == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(requiredContactFields);
    }

    /**
     * @param value contact fields required per unit item (copied; null to omit)
     * @return this
     */
    public Unit requiredContactFields(List<String> value) {
        this.requiredContactFields = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the restrictions */
    public UnitRestrictions getRestrictions() {
        return restrictions;
    }

    /**
     * @param value the restrictions
     * @return this
     */
    public Unit restrictions(UnitRestrictions value) {
        this.restrictions = value;
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
    public Unit pricingFrom(List<UnitPricing> value) {
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
        Unit that = (Unit) o;
        return Objects.equals(id, that.id)
                && Objects.equals(internalName, that.internalName)
                && Objects.equals(reference, that.reference)
                && Objects.equals(title, that.title)
                && Objects.equals(type, that.type)
                && Objects.equals(requiredContactFields, that.requiredContactFields)
                && Objects.equals(restrictions, that.restrictions)
                && Objects.equals(pricingFrom, that.pricingFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, internalName, reference, title, type, requiredContactFields, restrictions, pricingFrom);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Unit{" + "id=" + id + ", " + "internalName=" + internalName + ", " + "reference=" + reference + ", "
                + "title=" + title + ", " + "type=" + type + ", " + "requiredContactFields=" + requiredContactFields
                + ", " + "restrictions=" + restrictions + ", " + "pricingFrom=" + pricingFrom + "}";
    }
}
