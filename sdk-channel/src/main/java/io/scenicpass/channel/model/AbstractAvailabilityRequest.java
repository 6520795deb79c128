// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates AvailabilityRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.LocalDate;
import java.util.List;
import org.immutables.value.Value;

/**
 * Body of {@code POST /availability}: exactly one of localDate, localDateStart+localDateEnd, availabilityIds.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractAvailabilityRequest {

    /** @return the product id */
    @JsonProperty("productId")
    public abstract @Nullable String getProductId();

    /** @return the option id */
    @JsonProperty("optionId")
    public abstract @Nullable String getOptionId();

    /** @return a single local date */
    @JsonProperty("localDate")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    public abstract @Nullable LocalDate getLocalDate();

    /** @return the first local date of a range */
    @JsonProperty("localDateStart")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    public abstract @Nullable LocalDate getLocalDateStart();

    /** @return the last local date of a range (inclusive) */
    @JsonProperty("localDateEnd")
    @JsonSerialize(using = OctoJsonCodecs.LocalDateSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.LocalDateDeserializer.class)
    public abstract @Nullable LocalDate getLocalDateEnd();

    /** The list as set or read (null when absent); {@link #getAvailabilityIds()} for a never-null view. */
    @JsonProperty("availabilityIds")
    abstract @Nullable List<String> availabilityIds();

    /** @return specific availability ids (never null; empty when absent) */
    public final List<String> getAvailabilityIds() {
        return ModelLists.view(availabilityIds());
    }

    /** The list as set or read (null when absent); {@link #getUnits()} for a never-null view. */
    @JsonProperty("units")
    abstract @Nullable List<UnitQuantity> units();

    /** @return the units to price and check, optional (never null; empty when absent) */
    public final List<UnitQuantity> getUnits() {
        return ModelLists.view(units());
    }
}
