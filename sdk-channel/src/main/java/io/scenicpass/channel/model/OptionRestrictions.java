// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How many units one booking of an option may hold.
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
public class OptionRestrictions {
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("minUnits")
    private Integer minUnits;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("maxUnits")
    private Integer maxUnits;

    /** Creates an empty instance; fill it with the fluent setters. */
    public OptionRestrictions() {}

    /** @return the minimum number of units */
    public Integer getMinUnits() {
        return minUnits;
    }

    /**
     * @param value the minimum number of units
     * @return this
     */
    public OptionRestrictions minUnits(Integer value) {
        this.minUnits = value;
        return this;
    }

    /** @return the maximum number of units, null for no limit */
    public Integer getMaxUnits() {
        return maxUnits;
    }

    /**
     * @param value the maximum number of units, null for no limit
     * @return this
     */
    public OptionRestrictions maxUnits(Integer value) {
        this.maxUnits = value;
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
        OptionRestrictions that = (OptionRestrictions) o;
        return Objects.equals(minUnits, that.minUnits) && Objects.equals(maxUnits, that.maxUnits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minUnits, maxUnits);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "OptionRestrictions{" + "minUnits=" + minUnits + ", " + "maxUnits=" + maxUnits + "}";
    }
}
