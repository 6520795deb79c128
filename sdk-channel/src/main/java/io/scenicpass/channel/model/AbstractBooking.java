// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Booking.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * A booking, answered by reserve, confirm, extend, cancel, get, list and update.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractBooking {

    /** @return the supplier's booking id */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return the booking uuid (chosen by the channel) */
    @JsonProperty("uuid")
    public abstract @Nullable String getUuid();

    /** @return whether this is a test booking */
    @JsonProperty("testMode")
    public abstract boolean isTestMode();

    /** @return the channel's reference */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("resellerReference")
    public abstract @Nullable String getResellerReference();

    /** @return the supplier's reference */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("supplierReference")
    public abstract @Nullable String getSupplierReference();

    /** @return the status */
    @JsonProperty("status")
    public abstract @Nullable BookingStatus getStatus();

    /** @return when it was created, UTC */
    @JsonProperty("utcCreatedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcCreatedAt();

    /** @return when it was last updated, UTC */
    @JsonProperty("utcUpdatedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcUpdatedAt();

    /** @return when the hold expires, UTC */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcExpiresAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcExpiresAt();

    /** @return when it was redeemed, UTC */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcRedeemedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcRedeemedAt();

    /** @return when it was confirmed, UTC */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcConfirmedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcConfirmedAt();

    /** @return the product id */
    @JsonProperty("productId")
    public abstract @Nullable String getProductId();

    /** @return the option id */
    @JsonProperty("optionId")
    public abstract @Nullable String getOptionId();

    /** @return whether it can still be cancelled */
    @JsonProperty("cancellable")
    public abstract boolean isCancellable();

    /** @return the cancellation, once cancelled */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("cancellation")
    public abstract @Nullable Cancellation getCancellation();

    /** @return whether it was booked without availability */
    @JsonProperty("freesale")
    public abstract boolean isFreesale();

    /** @return the availability id */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("availabilityId")
    public abstract @Nullable String getAvailabilityId();

    /** @return the booked slot */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("availability")
    public abstract @Nullable Availability getAvailability();

    /** @return the lead contact */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("contact")
    public abstract @Nullable Contact getContact();

    /** @return free notes */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("notes")
    public abstract @Nullable String getNotes();

    /** The list as set or read (null when absent); {@link #getDeliveryMethods()} for a never-null view. */
    @JsonProperty("deliveryMethods")
    abstract @Nullable List<DeliveryMethod> deliveryMethods();

    /** @return the delivery methods (never null; empty when absent) */
    public final List<DeliveryMethod> getDeliveryMethods() {
        return ModelLists.view(deliveryMethods());
    }

    /** @return the voucher (after confirmation) */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("voucher")
    public abstract @Nullable Ticket getVoucher();

    /** The list as set or read (null when absent); {@link #getUnitItems()} for a never-null view. */
    @JsonProperty("unitItems")
    abstract @Nullable List<UnitItem> unitItems();

    /** @return the unit items (never null; empty when absent) */
    public final List<UnitItem> getUnitItems() {
        return ModelLists.view(unitItems());
    }

    /** @return the total price (octo/pricing) */
    @JsonProperty("pricing")
    public abstract @Nullable Pricing getPricing();

    /** @return the code of the offer applied (octo/offers; null: none, or an automatic offer) */
    @JsonProperty("offerCode")
    public abstract @Nullable String getOfferCode();

    /** @return the title of the offer applied (octo/offers), or null */
    @JsonProperty("offerTitle")
    public abstract @Nullable String getOfferTitle();

    /** @return whether the offer applied is a combination offer (octo/offers) */
    @JsonProperty("offerIsCombination")
    public abstract @Nullable Boolean getOfferIsCombination();

    /** The list as set or read (null when absent); {@link #getOfferComparisons()} for a never-null view. */
    @JsonProperty("offerComparisons")
    abstract @Nullable List<OfferComparison> offerComparisons();

    /** @return the booking priced with each offer that applied (octo/offers; never null, empty when absent) */
    public final List<OfferComparison> getOfferComparisons() {
        return ModelLists.view(offerComparisons());
    }
}
