// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Availability.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.immutables.value.Value;

/**
 * A bookable slot (or day) answered by {@code POST /availability}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractAvailability {

    /** @return the availability id, used to reserve */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return the start in the product's time zone, with offset */
    @JsonProperty("localDateTimeStart")
    @JsonSerialize(using = OctoJsonCodecs.OffsetDateTimeSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.OffsetDateTimeDeserializer.class)
    public abstract @Nullable OffsetDateTime getLocalDateTimeStart();

    /** @return the end in the product's time zone, with offset */
    @JsonProperty("localDateTimeEnd")
    @JsonSerialize(using = OctoJsonCodecs.OffsetDateTimeSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.OffsetDateTimeDeserializer.class)
    public abstract @Nullable OffsetDateTime getLocalDateTimeEnd();

    /** @return whether the slot covers the whole day */
    @JsonProperty("allDay")
    public abstract boolean isAllDay();

    /** @return whether it can be booked */
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

    /** @return the maximum units one booking may take */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("maxUnits")
    public abstract @Nullable Integer getMaxUnits();

    /** @return the last moment to book, UTC */
    @JsonProperty("utcCutoffAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcCutoffAt();

    /** The list as set or read (null when absent); {@link #getOpeningHours()} for a never-null view. */
    @JsonProperty("openingHours")
    abstract @Nullable List<OpeningHours> openingHours();

    /** @return the opening hours (never null; empty when absent) */
    public final List<OpeningHours> getOpeningHours() {
        return ModelLists.view(openingHours());
    }

    /** @return the price of the requested units (octo/pricing) */
    @JsonProperty("pricing")
    public abstract @Nullable Pricing getPricing();

    /** The list as set or read (null when absent); {@link #getUnitPricing()} for a never-null view. */
    @JsonProperty("unitPricing")
    abstract @Nullable List<UnitPricing> unitPricing();

    /** @return the price per unit (octo/pricing) (never null; empty when absent) */
    public final List<UnitPricing> getUnitPricing() {
        return ModelLists.view(unitPricing());
    }
}
