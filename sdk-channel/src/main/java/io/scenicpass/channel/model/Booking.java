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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A booking, answered by reserve, confirm, extend, cancel, get, list and update.
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
public class Booking {
    @JsonProperty("id")
    private String id;

    @JsonProperty("uuid")
    private String uuid;

    @JsonProperty("testMode")
    private boolean testMode;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("resellerReference")
    private String resellerReference;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("supplierReference")
    private String supplierReference;

    @JsonProperty("status")
    private BookingStatus status;

    @JsonProperty("utcCreatedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcCreatedAt;

    @JsonProperty("utcUpdatedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcUpdatedAt;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcExpiresAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcExpiresAt;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcRedeemedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcRedeemedAt;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcConfirmedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcConfirmedAt;

    @JsonProperty("productId")
    private String productId;

    @JsonProperty("optionId")
    private String optionId;

    @JsonProperty("cancellable")
    private boolean cancellable;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("cancellation")
    private Cancellation cancellation;

    @JsonProperty("freesale")
    private boolean freesale;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("availabilityId")
    private String availabilityId;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("availability")
    private Availability availability;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("contact")
    private Contact contact;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("notes")
    private String notes;

    @JsonProperty("deliveryMethods")
    private List<DeliveryMethod> deliveryMethods;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("voucher")
    private Ticket voucher;

    @JsonProperty("unitItems")
    private List<UnitItem> unitItems;

    @JsonProperty("pricing")
    private Pricing pricing;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Booking() {}

    /** @return the supplier's booking id */
    public String getId() {
        return id;
    }

    /**
     * @param value the supplier's booking id
     * @return this
     */
    public Booking id(String value) {
        this.id = value;
        return this;
    }

    /** @return the booking uuid (chosen by the channel) */
    public String getUuid() {
        return uuid;
    }

    /**
     * @param value the booking uuid (chosen by the channel)
     * @return this
     */
    public Booking uuid(String value) {
        this.uuid = value;
        return this;
    }

    /** @return whether this is a test booking */
    public boolean isTestMode() {
        return testMode;
    }

    /**
     * @param value whether this is a test booking
     * @return this
     */
    public Booking testMode(boolean value) {
        this.testMode = value;
        return this;
    }

    /** @return the channel's reference */
    public String getResellerReference() {
        return resellerReference;
    }

    /**
     * @param value the channel's reference
     * @return this
     */
    public Booking resellerReference(String value) {
        this.resellerReference = value;
        return this;
    }

    /** @return the supplier's reference */
    public String getSupplierReference() {
        return supplierReference;
    }

    /**
     * @param value the supplier's reference
     * @return this
     */
    public Booking supplierReference(String value) {
        this.supplierReference = value;
        return this;
    }

    /** @return the status */
    public BookingStatus getStatus() {
        return status;
    }

    /**
     * @param value the status
     * @return this
     */
    public Booking status(BookingStatus value) {
        this.status = value;
        return this;
    }

    /** @return when it was created, UTC */
    public Instant getUtcCreatedAt() {
        return utcCreatedAt;
    }

    /**
     * @param value when it was created, UTC
     * @return this
     */
    public Booking utcCreatedAt(Instant value) {
        this.utcCreatedAt = value;
        return this;
    }

    /** @return when it was last updated, UTC */
    public Instant getUtcUpdatedAt() {
        return utcUpdatedAt;
    }

    /**
     * @param value when it was last updated, UTC
     * @return this
     */
    public Booking utcUpdatedAt(Instant value) {
        this.utcUpdatedAt = value;
        return this;
    }

    /** @return when the hold expires, UTC */
    public Instant getUtcExpiresAt() {
        return utcExpiresAt;
    }

    /**
     * @param value when the hold expires, UTC
     * @return this
     */
    public Booking utcExpiresAt(Instant value) {
        this.utcExpiresAt = value;
        return this;
    }

    /** @return when it was redeemed, UTC */
    public Instant getUtcRedeemedAt() {
        return utcRedeemedAt;
    }

    /**
     * @param value when it was redeemed, UTC
     * @return this
     */
    public Booking utcRedeemedAt(Instant value) {
        this.utcRedeemedAt = value;
        return this;
    }

    /** @return when it was confirmed, UTC */
    public Instant getUtcConfirmedAt() {
        return utcConfirmedAt;
    }

    /**
     * @param value when it was confirmed, UTC
     * @return this
     */
    public Booking utcConfirmedAt(Instant value) {
        this.utcConfirmedAt = value;
        return this;
    }

    /** @return the product id */
    public String getProductId() {
        return productId;
    }

    /**
     * @param value the product id
     * @return this
     */
    public Booking productId(String value) {
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
    public Booking optionId(String value) {
        this.optionId = value;
        return this;
    }

    /** @return whether it can still be cancelled */
    public boolean isCancellable() {
        return cancellable;
    }

    /**
     * @param value whether it can still be cancelled
     * @return this
     */
    public Booking cancellable(boolean value) {
        this.cancellable = value;
        return this;
    }

    /** @return the cancellation, once cancelled */
    public Cancellation getCancellation() {
        return cancellation;
    }

    /**
     * @param value the cancellation, once cancelled
     * @return this
     */
    public Booking cancellation(Cancellation value) {
        this.cancellation = value;
        return this;
    }

    /** @return whether it was booked without availability */
    public boolean isFreesale() {
        return freesale;
    }

    /**
     * @param value whether it was booked without availability
     * @return this
     */
    public Booking freesale(boolean value) {
        this.freesale = value;
        return this;
    }

    /** @return the availability id */
    public String getAvailabilityId() {
        return availabilityId;
    }

    /**
     * @param value the availability id
     * @return this
     */
    public Booking availabilityId(String value) {
        this.availabilityId = value;
        return this;
    }

    /** @return the booked slot */
    public Availability getAvailability() {
        return availability;
    }

    /**
     * @param value the booked slot
     * @return this
     */
    public Booking availability(Availability value) {
        this.availability = value;
        return this;
    }

    /** @return the lead contact */
    public Contact getContact() {
        return contact;
    }

    /**
     * @param value the lead contact
     * @return this
     */
    public Booking contact(Contact value) {
        this.contact = value;
        return this;
    }

    /** @return free notes */
    public String getNotes() {
        return notes;
    }

    /**
     * @param value free notes
     * @return this
     */
    public Booking notes(String value) {
        this.notes = value;
        return this;
    }

    /** @return the delivery methods (never null; empty when absent) */
    public List<DeliveryMethod> getDeliveryMethods() {
        return deliveryMethods == null ? Collections.emptyList() : Collections.unmodifiableList(deliveryMethods);
    }

    /**
     * @param value the delivery methods (copied; null to omit)
     * @return this
     */
    public Booking deliveryMethods(List<DeliveryMethod> value) {
        this.deliveryMethods = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the voucher (after confirmation) */
    public Ticket getVoucher() {
        return voucher;
    }

    /**
     * @param value the voucher (after confirmation)
     * @return this
     */
    public Booking voucher(Ticket value) {
        this.voucher = value;
        return this;
    }

    /** @return the unit items (never null; empty when absent) */
    public List<UnitItem> getUnitItems() {
        return unitItems == null ? Collections.emptyList() : Collections.unmodifiableList(unitItems);
    }

    /**
     * @param value the unit items (copied; null to omit)
     * @return this
     */
    public Booking unitItems(List<UnitItem> value) {
        this.unitItems = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the total price (octo/pricing) */
    public Pricing getPricing() {
        return pricing;
    }

    /**
     * @param value the total price (octo/pricing)
     * @return this
     */
    public Booking pricing(Pricing value) {
        this.pricing = value;
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
        Booking that = (Booking) o;
        return Objects.equals(id, that.id)
                && Objects.equals(uuid, that.uuid)
                && Objects.equals(testMode, that.testMode)
                && Objects.equals(resellerReference, that.resellerReference)
                && Objects.equals(supplierReference, that.supplierReference)
                && Objects.equals(status, that.status)
                && Objects.equals(utcCreatedAt, that.utcCreatedAt)
                && Objects.equals(utcUpdatedAt, that.utcUpdatedAt)
                && Objects.equals(utcExpiresAt, that.utcExpiresAt)
                && Objects.equals(utcRedeemedAt, that.utcRedeemedAt)
                && Objects.equals(utcConfirmedAt, that.utcConfirmedAt)
                && Objects.equals(productId, that.productId)
                && Objects.equals(optionId, that.optionId)
                && Objects.equals(cancellable, that.cancellable)
                && Objects.equals(cancellation, that.cancellation)
                && Objects.equals(freesale, that.freesale)
                && Objects.equals(availabilityId, that.availabilityId)
                && Objects.equals(availability, that.availability)
                && Objects.equals(contact, that.contact)
                && Objects.equals(notes, that.notes)
                && Objects.equals(deliveryMethods, that.deliveryMethods)
                && Objects.equals(voucher, that.voucher)
                && Objects.equals(unitItems, that.unitItems)
                && Objects.equals(pricing, that.pricing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                uuid,
                testMode,
                resellerReference,
                supplierReference,
                status,
                utcCreatedAt,
                utcUpdatedAt,
                utcExpiresAt,
                utcRedeemedAt,
                utcConfirmedAt,
                productId,
                optionId,
                cancellable,
                cancellation,
                freesale,
                availabilityId,
                availability,
                contact,
                notes,
                deliveryMethods,
                voucher,
                unitItems,
                pricing);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Booking{" + "id=" + id + ", " + "uuid=" + uuid + ", " + "testMode=" + testMode + ", "
                + "resellerReference=" + resellerReference + ", " + "supplierReference=" + supplierReference + ", "
                + "status=" + status + ", " + "utcCreatedAt=" + utcCreatedAt + ", " + "utcUpdatedAt=" + utcUpdatedAt
                + ", " + "utcExpiresAt=" + utcExpiresAt + ", " + "utcRedeemedAt=" + utcRedeemedAt + ", "
                + "utcConfirmedAt=" + utcConfirmedAt + ", " + "productId=" + productId + ", " + "optionId=" + optionId
                + ", " + "cancellable=" + cancellable + ", " + "cancellation=" + cancellation + ", " + "freesale="
                + freesale + ", " + "availabilityId=" + availabilityId + ", " + "availability=" + availability + ", "
                + "contact=" + contact + ", " + "notes=" + notes + ", " + "deliveryMethods=" + deliveryMethods + ", "
                + "voucher=" + voucher + ", " + "unitItems=" + unitItems + ", " + "pricing=" + pricing + "}";
    }
}
