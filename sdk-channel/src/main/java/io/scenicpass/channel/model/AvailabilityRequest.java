// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /availability}: exactly one of localDate, localDateStart+localDateEnd, availabilityIds.
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
public class AvailabilityRequest {
    @JsonProperty("productId")
    private String productId;

    @JsonProperty("optionId")
    private String optionId;

    @JsonProperty("localDate")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    private LocalDate localDate;

    @JsonProperty("localDateStart")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    private LocalDate localDateStart;

    @JsonProperty("localDateEnd")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    private LocalDate localDateEnd;

    @JsonProperty("availabilityIds")
    private List<String> availabilityIds;

    @JsonProperty("units")
    private List<UnitQuantity> units;

    /** Creates an empty instance; fill it with the fluent setters. */
    public AvailabilityRequest() {}

    /** @return the product id */
    public String getProductId() {
        return productId;
    }

    /**
     * @param value the product id
     * @return this
     */
    public AvailabilityRequest productId(String value) {
        this.productId = value;
        return this;
    }

    /** @return the option id */
    public String getOptionId() {
        return optionId;
    }

    /**
     * @param value the option id
     * @return this
     */
    public AvailabilityRequest optionId(String value) {
        this.optionId = value;
        return this;
    }

    /** @return a single local date */
    public LocalDate getLocalDate() {
        return localDate;
    }

    /**
     * @param value a single local date
     * @return this
     */
    public AvailabilityRequest localDate(LocalDate value) {
        this.localDate = value;
        return this;
    }

    /** @return the first local date of a range */
    public LocalDate getLocalDateStart() {
        return localDateStart;
    }

    /**
     * @param value the first local date of a range
     * @return this
     */
    public AvailabilityRequest localDateStart(LocalDate value) {
        this.localDateStart = value;
        return this;
    }

    /** @return the last local date of a range (inclusive) */
    public LocalDate getLocalDateEnd() {
        return localDateEnd;
    }

    /**
     * @param value the last local date of a range (inclusive)
     * @return this
     */
    public AvailabilityRequest localDateEnd(LocalDate value) {
        this.localDateEnd = value;
        return this;
    }

    /** @return specific availability ids (never null; empty when absent) */
    public List<String> getAvailabilityIds() {
        return availabilityIds == null ? Collections.emptyList() : Collections.unmodifiableList(availabilityIds);
    }

    /**
     * @param value specific availability ids (copied; null to omit)
     * @return this
     */
    public AvailabilityRequest availabilityIds(List<String> value) {
        this.availabilityIds = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the units to price and check, optional (never null; empty when absent) */
    public List<UnitQuantity> getUnits() {
        return units == null ? Collections.emptyList() : Collections.unmodifiableList(units);
    }

    /**
     * @param value the units to price and check, optional (copied; null to omit)
     * @return this
     */
    public AvailabilityRequest units(List<UnitQuantity> value) {
        this.units = value == null ? null : new ArrayList<>(value);
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
        AvailabilityRequest that = (AvailabilityRequest) o;
        return Objects.equals(productId, that.productId)
                && Objects.equals(optionId, that.optionId)
                && Objects.equals(localDate, that.localDate)
                && Objects.equals(localDateStart, that.localDateStart)
                && Objects.equals(localDateEnd, that.localDateEnd)
                && Objects.equals(availabilityIds, that.availabilityIds)
                && Objects.equals(units, that.units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, optionId, localDate, localDateStart, localDateEnd, availabilityIds, units);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "AvailabilityRequest{" + "productId=" + productId + ", " + "optionId=" + optionId + ", " + "localDate="
                + localDate + ", " + "localDateStart=" + localDateStart + ", " + "localDateEnd=" + localDateEnd + ", "
                + "availabilityIds=" + availabilityIds + ", " + "units=" + units + "}";
    }
}
