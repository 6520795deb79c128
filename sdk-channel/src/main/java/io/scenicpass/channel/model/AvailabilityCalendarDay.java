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
 * One day of an availability calendar.
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
public class AvailabilityCalendarDay {
    @JsonProperty("localDate")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    private LocalDate localDate;

    @JsonProperty("available")
    private boolean available;

    @JsonProperty("status")
    private AvailabilityStatus status;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("vacancies")
    private Integer vacancies;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("capacity")
    private Integer capacity;

    @JsonProperty("openingHours")
    private List<OpeningHours> openingHours;

    @JsonProperty("unitPricingFrom")
    private List<UnitPricing> unitPricingFrom;

    /** Creates an empty instance; fill it with the fluent setters. */
    public AvailabilityCalendarDay() {}

    /** @return the local date */
    public LocalDate getLocalDate() {
        return localDate;
    }

    /**
     * @param value the local date
     * @return this
     */
    public AvailabilityCalendarDay localDate(LocalDate value) {
        this.localDate = value;
        return this;
    }

    /** @return whether anything is bookable that day */
    public boolean isAvailable() {
        return available;
    }

    /**
     * @param value whether anything is bookable that day
     * @return this
     */
    public AvailabilityCalendarDay available(boolean value) {
        this.available = value;
        return this;
    }

    /** @return the status */
    public AvailabilityStatus getStatus() {
        return status;
    }

    /**
     * @param value the status
     * @return this
     */
    public AvailabilityCalendarDay status(AvailabilityStatus value) {
        this.status = value;
        return this;
    }

    /** @return the places left (null for freesale) */
    public Integer getVacancies() {
        return vacancies;
    }

    /**
     * @param value the places left (null for freesale)
     * @return this
     */
    public AvailabilityCalendarDay vacancies(Integer value) {
        this.vacancies = value;
        return this;
    }

    /** @return the capacity (null for freesale) */
    public Integer getCapacity() {
        return capacity;
    }

    /**
     * @param value the capacity (null for freesale)
     * @return this
     */
    public AvailabilityCalendarDay capacity(Integer value) {
        this.capacity = value;
        return this;
    }

    /** @return the opening hours (never null; empty when absent) */
    public List<OpeningHours> getOpeningHours() {
        return openingHours == null ? Collections.emptyList() : Collections.unmodifiableList(openingHours);
    }

    /**
     * @param value the opening hours (copied; null to omit)
     * @return this
     */
    public AvailabilityCalendarDay openingHours(List<OpeningHours> value) {
        this.openingHours = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the lowest unit prices that day (octo/pricing) (never null; empty when absent) */
    public List<UnitPricing> getUnitPricingFrom() {
        return unitPricingFrom == null ? Collections.emptyList() : Collections.unmodifiableList(unitPricingFrom);
    }

    /**
     * @param value the lowest unit prices that day (octo/pricing) (copied; null to omit)
     * @return this
     */
    public AvailabilityCalendarDay unitPricingFrom(List<UnitPricing> value) {
        this.unitPricingFrom = value == null ? null : new ArrayList<>(value);
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
        AvailabilityCalendarDay that = (AvailabilityCalendarDay) o;
        return Objects.equals(localDate, that.localDate)
                && Objects.equals(available, that.available)
                && Objects.equals(status, that.status)
                && Objects.equals(vacancies, that.vacancies)
                && Objects.equals(capacity, that.capacity)
                && Objects.equals(openingHours, that.openingHours)
                && Objects.equals(unitPricingFrom, that.unitPricingFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(localDate, available, status, vacancies, capacity, openingHours, unitPricingFrom);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "AvailabilityCalendarDay{" + "localDate=" + localDate + ", " + "available=" + available + ", "
                + "status=" + status + ", " + "vacancies=" + vacancies + ", " + "capacity=" + capacity + ", "
                + "openingHours=" + openingHours + ", " + "unitPricingFrom=" + unitPricingFrom + "}";
    }
}
