// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A bookable slot (or day) answered by {@code POST /availability}.
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
public class Availability {
    @JsonProperty("id")
    private String id;

    @JsonProperty("localDateTimeStart")
    @JsonSerialize(using = OctoJsonCodecs.OffsetDateTimeSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.OffsetDateTimeDeserializer.class)
    private OffsetDateTime localDateTimeStart;

    @JsonProperty("localDateTimeEnd")
    @JsonSerialize(using = OctoJsonCodecs.OffsetDateTimeSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.OffsetDateTimeDeserializer.class)
    private OffsetDateTime localDateTimeEnd;

    @JsonProperty("allDay")
    private boolean allDay;

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

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("maxUnits")
    private Integer maxUnits;

    @JsonProperty("utcCutoffAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcCutoffAt;

    @JsonProperty("openingHours")
    private List<OpeningHours> openingHours;

    @JsonProperty("pricing")
    private Pricing pricing;

    @JsonProperty("unitPricing")
    private List<UnitPricing> unitPricing;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Availability() {}

    /** @return the availability id, used to reserve */
    public String getId() {
        return id;
    }

    /**
     * @param value the availability id, used to reserve
     * @return this
     */
    public Availability id(String value) {
        this.id = value;
        return this;
    }

    /** @return the start in the product's time zone, with offset */
    public OffsetDateTime getLocalDateTimeStart() {
        return localDateTimeStart;
    }

    /**
     * @param value the start in the product's time zone, with offset
     * @return this
     */
    public Availability localDateTimeStart(OffsetDateTime value) {
        this.localDateTimeStart = value;
        return this;
    }

    /** @return the end in the product's time zone, with offset */
    public OffsetDateTime getLocalDateTimeEnd() {
        return localDateTimeEnd;
    }

    /**
     * @param value the end in the product's time zone, with offset
     * @return this
     */
    public Availability localDateTimeEnd(OffsetDateTime value) {
        this.localDateTimeEnd = value;
        return this;
    }

    /** @return whether the slot covers the whole day */
    public boolean isAllDay() {
        return allDay;
    }

    /**
     * @param value whether the slot covers the whole day
     * @return this
     */
    public Availability allDay(boolean value) {
        this.allDay = value;
        return this;
    }

    /** @return whether it can be booked */
    public boolean isAvailable() {
        return available;
    }

    /**
     * @param value whether it can be booked
     * @return this
     */
    public Availability available(boolean value) {
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
    public Availability status(AvailabilityStatus value) {
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
    public Availability vacancies(Integer value) {
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
    public Availability capacity(Integer value) {
        this.capacity = value;
        return this;
    }

    /** @return the maximum units one booking may take */
    public Integer getMaxUnits() {
        return maxUnits;
    }

    /**
     * @param value the maximum units one booking may take
     * @return this
     */
    public Availability maxUnits(Integer value) {
        this.maxUnits = value;
        return this;
    }

    /** @return the last moment to book, UTC */
    public Instant getUtcCutoffAt() {
        return utcCutoffAt;
    }

    /**
     * @param value the last moment to book, UTC
     * @return this
     */
    public Availability utcCutoffAt(Instant value) {
        this.utcCutoffAt = value;
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
    public Availability openingHours(List<OpeningHours> value) {
        this.openingHours = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the price of the requested units (octo/pricing) */
    public Pricing getPricing() {
        return pricing;
    }

    /**
     * @param value the price of the requested units (octo/pricing)
     * @return this
     */
    public Availability pricing(Pricing value) {
        this.pricing = value;
        return this;
    }

    /** @return the price per unit (octo/pricing) (never null; empty when absent) */
    public List<UnitPricing> getUnitPricing() {
        return unitPricing == null ? Collections.emptyList() : Collections.unmodifiableList(unitPricing);
    }

    /**
     * @param value the price per unit (octo/pricing) (copied; null to omit)
     * @return this
     */
    public Availability unitPricing(List<UnitPricing> value) {
        this.unitPricing = value == null ? null : new ArrayList<>(value);
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
        Availability that = (Availability) o;
        return Objects.equals(id, that.id)
                && Objects.equals(localDateTimeStart, that.localDateTimeStart)
                && Objects.equals(localDateTimeEnd, that.localDateTimeEnd)
                && Objects.equals(allDay, that.allDay)
                && Objects.equals(available, that.available)
                && Objects.equals(status, that.status)
                && Objects.equals(vacancies, that.vacancies)
                && Objects.equals(capacity, that.capacity)
                && Objects.equals(maxUnits, that.maxUnits)
                && Objects.equals(utcCutoffAt, that.utcCutoffAt)
                && Objects.equals(openingHours, that.openingHours)
                && Objects.equals(pricing, that.pricing)
                && Objects.equals(unitPricing, that.unitPricing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                localDateTimeStart,
                localDateTimeEnd,
                allDay,
                available,
                status,
                vacancies,
                capacity,
                maxUnits,
                utcCutoffAt,
                openingHours,
                pricing,
                unitPricing);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Availability{" + "id=" + id + ", " + "localDateTimeStart=" + localDateTimeStart + ", "
                + "localDateTimeEnd=" + localDateTimeEnd + ", " + "allDay=" + allDay + ", " + "available=" + available
                + ", " + "status=" + status + ", " + "vacancies=" + vacancies + ", " + "capacity=" + capacity + ", "
                + "maxUnits=" + maxUnits + ", " + "utcCutoffAt=" + utcCutoffAt + ", " + "openingHours=" + openingHours
                + ", " + "pricing=" + pricing + ", " + "unitPricing=" + unitPricing + "}";
    }
}
