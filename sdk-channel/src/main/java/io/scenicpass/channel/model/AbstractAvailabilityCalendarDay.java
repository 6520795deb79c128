// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates
// AvailabilityCalendarDay.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * One day of an availability calendar.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractAvailabilityCalendarDay {

    /** @return the local date */
    @JsonProperty("localDate")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    public abstract @Nullable LocalDate getLocalDate();

    /** @return whether anything is bookable that day */
    @JsonProperty("available")
    public abstract boolean isAvailable();

    /** @return the status */
    @JsonProperty("status")
    public abstract @Nullable AvailabilityStatus getStatus();

    /** @return the places left (null for freesale) */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("vacancies")
    public abstract @Nullable Integer getVacancies();

    /** @return the capacity (null for freesale) */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("capacity")
    public abstract @Nullable Integer getCapacity();

    /** The list as set or read (null when absent); {@link #getOpeningHours()} for a never-null view. */
    @JsonProperty("openingHours")
    abstract @Nullable List<OpeningHours> openingHours();

    /** @return the opening hours (never null; empty when absent) */
    public final List<OpeningHours> getOpeningHours() {
        return ModelLists.view(openingHours());
    }

    /** The list as set or read (null when absent); {@link #getUnitPricingFrom()} for a never-null view. */
    @JsonProperty("unitPricingFrom")
    abstract @Nullable List<UnitPricing> unitPricingFrom();

    /** @return the lowest unit prices that day (octo/pricing) (never null; empty when absent) */
    public final List<UnitPricing> getUnitPricingFrom() {
        return ModelLists.view(unitPricingFrom());
    }
}
