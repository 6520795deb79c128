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
 * Who may use a unit and how many per booking.
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
public class UnitRestrictions {
    @JsonProperty("minAge")
    private Integer minAge;

    @JsonProperty("maxAge")
    private Integer maxAge;

    @JsonProperty("idRequired")
    private boolean idRequired;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("minQuantity")
    private Integer minQuantity;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("maxQuantity")
    private Integer maxQuantity;

    @JsonProperty("paxCount")
    private Integer paxCount;

    @JsonProperty("accompaniedBy")
    private List<String> accompaniedBy;

    /** Creates an empty instance; fill it with the fluent setters. */
    public UnitRestrictions() {}

    /** @return the minimum age */
    public Integer getMinAge() {
        return minAge;
    }

    /**
     * @param value the minimum age
     * @return this
     */
    public UnitRestrictions minAge(Integer value) {
        this.minAge = value;
        return this;
    }

    /** @return the maximum age */
    public Integer getMaxAge() {
        return maxAge;
    }

    /**
     * @param value the maximum age
     * @return this
     */
    public UnitRestrictions maxAge(Integer value) {
        this.maxAge = value;
        return this;
    }

    /** @return whether an ID must be shown */
    public boolean isIdRequired() {
        return idRequired;
    }

    /**
     * @param value whether an ID must be shown
     * @return this
     */
    public UnitRestrictions idRequired(boolean value) {
        this.idRequired = value;
        return this;
    }

    /** @return the minimum quantity per booking */
    public Integer getMinQuantity() {
        return minQuantity;
    }

    /**
     * @param value the minimum quantity per booking
     * @return this
     */
    public UnitRestrictions minQuantity(Integer value) {
        this.minQuantity = value;
        return this;
    }

    /** @return the maximum quantity per booking */
    public Integer getMaxQuantity() {
        return maxQuantity;
    }

    /**
     * @param value the maximum quantity per booking
     * @return this
     */
    public UnitRestrictions maxQuantity(Integer value) {
        this.maxQuantity = value;
        return this;
    }

    /** @return how many people one unit admits */
    public Integer getPaxCount() {
        return paxCount;
    }

    /**
     * @param value how many people one unit admits
     * @return this
     */
    public UnitRestrictions paxCount(Integer value) {
        this.paxCount = value;
        return this;
    }

    /** @return unit ids one of which must be booked alongside (never null; empty when absent) */
    public List<String> getAccompaniedBy() {
        return accompaniedBy == null ? Collections.emptyList() : Collections.unmodifiableList(accompaniedBy);
    }

    /**
     * @param value unit ids one of which must be booked alongside (copied; null to omit)
     * @return this
     */
    public UnitRestrictions accompaniedBy(List<String> value) {
        this.accompaniedBy = value == null ? null : new ArrayList<>(value);
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
        UnitRestrictions that = (UnitRestrictions) o;
        return Objects.equals(minAge, that.minAge)
                && Objects.equals(maxAge, that.maxAge)
                && Objects.equals(idRequired, that.idRequired)
                && Objects.equals(minQuantity, that.minQuantity)
                && Objects.equals(maxQuantity, that.maxQuantity)
                && Objects.equals(paxCount, that.paxCount)
                && Objects.equals(accompaniedBy, that.accompaniedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minAge, maxAge, idRequired, minQuantity, maxQuantity, paxCount, accompaniedBy);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "UnitRestrictions{" + "minAge=" + minAge + ", " + "maxAge=" + maxAge + ", " + "idRequired=" + idRequired
                + ", " + "minQuantity=" + minQuantity + ", " + "maxQuantity=" + maxQuantity + ", " + "paxCount="
                + paxCount + ", " + "accompaniedBy=" + accompaniedBy + "}";
    }
}
