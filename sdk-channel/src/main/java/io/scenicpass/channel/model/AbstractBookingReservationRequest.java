// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates
// BookingReservationRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * Body of {@code POST /bookings} (reserve). The {@code uuid} is the idempotency key: a retry with the same uuid and body returns the same booking.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractBookingReservationRequest {

    /** @return the booking uuid chosen by the channel */
    @JsonProperty("uuid")
    public abstract @Nullable String getUuid();

    /** @return the product id */
    @JsonProperty("productId")
    public abstract @Nullable String getProductId();

    /** @return the option id */
    @JsonProperty("optionId")
    public abstract @Nullable String getOptionId();

    /** @return the availability id */
    @JsonProperty("availabilityId")
    public abstract @Nullable String getAvailabilityId();

    /** @return how long to hold the places */
    @JsonProperty("expirationMinutes")
    public abstract @Nullable Integer getExpirationMinutes();

    /** The list as set or read (null when absent); {@link #getUnitItems()} for a never-null view. */
    @JsonProperty("unitItems")
    abstract @Nullable List<UnitItemRequest> unitItems();

    /** @return one item per ticket (never null; empty when absent) */
    public final List<UnitItemRequest> getUnitItems() {
        return ModelLists.view(unitItems());
    }

    /** @return the channel's reference */
    @JsonProperty("resellerReference")
    public abstract @Nullable String getResellerReference();

    /** @return the lead contact */
    @JsonProperty("contact")
    public abstract @Nullable Contact getContact();

    /** @return free notes */
    @JsonProperty("notes")
    public abstract @Nullable String getNotes();

    /** @return the promo or coupon code to apply (octo/offers), or null */
    @JsonProperty("offerCode")
    public abstract @Nullable String getOfferCode();
}
