// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates BookingUpdateRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * Body of {@code PATCH /bookings/{uuid}}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractBookingUpdateRequest {

    /** @return the channel's reference */
    @JsonProperty("resellerReference")
    public abstract @Nullable String getResellerReference();

    /** @return the lead contact */
    @JsonProperty("contact")
    public abstract @Nullable Contact getContact();

    /** @return free notes */
    @JsonProperty("notes")
    public abstract @Nullable String getNotes();

    /** @return a new product id, optional */
    @JsonProperty("productId")
    public abstract @Nullable String getProductId();

    /** @return a new option id, optional */
    @JsonProperty("optionId")
    public abstract @Nullable String getOptionId();

    /** @return a new availability id, optional */
    @JsonProperty("availabilityId")
    public abstract @Nullable String getAvailabilityId();

    /** @return a new hold duration, optional */
    @JsonProperty("expirationMinutes")
    public abstract @Nullable Integer getExpirationMinutes();

    /** The list as set or read (null when absent); {@link #getUnitItems()} for a never-null view. */
    @JsonProperty("unitItems")
    abstract @Nullable List<UnitItemRequest> unitItems();

    /** @return replacement unit items, optional (never null; empty when absent) */
    public final List<UnitItemRequest> getUnitItems() {
        return ModelLists.view(unitItems());
    }

    /** @return the promo or coupon code to apply (octo/offers), or null */
    @JsonProperty("offerCode")
    public abstract @Nullable String getOfferCode();
}
