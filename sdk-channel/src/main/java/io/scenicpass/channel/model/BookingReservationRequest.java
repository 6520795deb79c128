// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST /bookings} (reserve). The {@code uuid} is the idempotency key: a retry with the same uuid and body returns the same booking.
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
public class BookingReservationRequest {
    @JsonProperty("uuid")
    private String uuid;

    @JsonProperty("productId")
    private String productId;

    @JsonProperty("optionId")
    private String optionId;

    @JsonProperty("availabilityId")
    private String availabilityId;

    @JsonProperty("expirationMinutes")
    private Integer expirationMinutes;

    @JsonProperty("unitItems")
    private List<UnitItemRequest> unitItems;

    @JsonProperty("resellerReference")
    private String resellerReference;

    @JsonProperty("contact")
    private Contact contact;

    @JsonProperty("notes")
    private String notes;

    /** Creates an empty instance; fill it with the fluent setters. */
    public BookingReservationRequest() {}

    /** @return the booking uuid chosen by the channel */
    public String getUuid() {
        return uuid;
    }

    /**
     * @param value the booking uuid chosen by the channel
     * @return this
     */
    public BookingReservationRequest uuid(String value) {
        this.uuid = value;
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
    public BookingReservationRequest productId(String value) {
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
    public BookingReservationRequest optionId(String value) {
        this.optionId = value;
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
    public BookingReservationRequest availabilityId(String value) {
        this.availabilityId = value;
        return this;
    }

    /** @return how long to hold the places */
    public Integer getExpirationMinutes() {
        return expirationMinutes;
    }

    /**
     * @param value how long to hold the places
     * @return this
     */
    public BookingReservationRequest expirationMinutes(Integer value) {
        this.expirationMinutes = value;
        return this;
    }

    /** @return one item per ticket (never null; empty when absent) */
    public List<UnitItemRequest> getUnitItems() {
        return unitItems == null ? Collections.emptyList() : Collections.unmodifiableList(unitItems);
    }

    /**
     * @param value one item per ticket (copied; null to omit)
     * @return this
     */
    public BookingReservationRequest unitItems(List<UnitItemRequest> value) {
        this.unitItems = value == null ? null : new ArrayList<>(value);
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
    public BookingReservationRequest resellerReference(String value) {
        this.resellerReference = value;
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
    public BookingReservationRequest contact(Contact value) {
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
    public BookingReservationRequest notes(String value) {
        this.notes = value;
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
        BookingReservationRequest that = (BookingReservationRequest) o;
        return Objects.equals(uuid, that.uuid)
                && Objects.equals(productId, that.productId)
                && Objects.equals(optionId, that.optionId)
                && Objects.equals(availabilityId, that.availabilityId)
                && Objects.equals(expirationMinutes, that.expirationMinutes)
                && Objects.equals(unitItems, that.unitItems)
                && Objects.equals(resellerReference, that.resellerReference)
                && Objects.equals(contact, that.contact)
                && Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                uuid,
                productId,
                optionId,
                availabilityId,
                expirationMinutes,
                unitItems,
                resellerReference,
                contact,
                notes);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "BookingReservationRequest{" + "uuid=" + uuid + ", " + "productId=" + productId + ", " + "optionId="
                + optionId + ", " + "availabilityId=" + availabilityId + ", " + "expirationMinutes=" + expirationMinutes
                + ", " + "unitItems=" + unitItems + ", " + "resellerReference=" + resellerReference + ", " + "contact="
                + contact + ", " + "notes=" + notes + "}";
    }
}
