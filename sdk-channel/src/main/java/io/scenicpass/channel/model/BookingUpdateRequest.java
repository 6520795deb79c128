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
 * Body of {@code PATCH /bookings/{uuid}}.
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
public class BookingUpdateRequest {
    @JsonProperty("resellerReference")
    private String resellerReference;

    @JsonProperty("contact")
    private Contact contact;

    @JsonProperty("notes")
    private String notes;

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

    /** Creates an empty instance; fill it with the fluent setters. */
    public BookingUpdateRequest() {}

    /** @return the channel's reference */
    public String getResellerReference() {
        return resellerReference;
    }

    /**
     * @param value the channel's reference
     * @return this
     */
    public BookingUpdateRequest resellerReference(String value) {
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
    public BookingUpdateRequest contact(Contact value) {
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
    public BookingUpdateRequest notes(String value) {
        this.notes = value;
        return this;
    }

    /** @return a new product id, optional */
    public String getProductId() {
        return productId;
    }

    /**
     * @param value a new product id, optional
     * @return this
     */
    public BookingUpdateRequest productId(String value) {
        this.productId = value;
        return this;
    }

    /** @return a new option id, optional */
    public String getOptionId() {
        return optionId;
    }

    /**
     * @param value a new option id, optional
     * @return this
     */
    public BookingUpdateRequest optionId(String value) {
        this.optionId = value;
        return this;
    }

    /** @return a new availability id, optional */
    public String getAvailabilityId() {
        return availabilityId;
    }

    /**
     * @param value a new availability id, optional
     * @return this
     */
    public BookingUpdateRequest availabilityId(String value) {
        this.availabilityId = value;
        return this;
    }

    /** @return a new hold duration, optional */
    public Integer getExpirationMinutes() {
        return expirationMinutes;
    }

    /**
     * @param value a new hold duration, optional
     * @return this
     */
    public BookingUpdateRequest expirationMinutes(Integer value) {
        this.expirationMinutes = value;
        return this;
    }

    /** @return replacement unit items, optional (never null; empty when absent) */
    public List<UnitItemRequest> getUnitItems() {
        return unitItems == null ? Collections.emptyList() : Collections.unmodifiableList(unitItems);
    }

    /**
     * @param value replacement unit items, optional (copied; null to omit)
     * @return this
     */
    public BookingUpdateRequest unitItems(List<UnitItemRequest> value) {
        this.unitItems = value == null ? null : new ArrayList<>(value);
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
        BookingUpdateRequest that = (BookingUpdateRequest) o;
        return Objects.equals(resellerReference, that.resellerReference)
                && Objects.equals(contact, that.contact)
                && Objects.equals(notes, that.notes)
                && Objects.equals(productId, that.productId)
                && Objects.equals(optionId, that.optionId)
                && Objects.equals(availabilityId, that.availabilityId)
                && Objects.equals(expirationMinutes, that.expirationMinutes)
                && Objects.equals(unitItems, that.unitItems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                resellerReference, contact, notes, productId, optionId, availabilityId, expirationMinutes, unitItems);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "BookingUpdateRequest{" + "resellerReference=" + resellerReference + ", " + "contact=" + contact + ", "
                + "notes=" + notes + ", " + "productId=" + productId + ", " + "optionId=" + optionId + ", "
                + "availabilityId=" + availabilityId + ", " + "expirationMinutes=" + expirationMinutes + ", "
                + "unitItems=" + unitItems + "}";
    }
}
