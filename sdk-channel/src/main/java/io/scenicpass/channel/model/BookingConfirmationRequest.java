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
 * Body of {@code POST /bookings/{uuid}/confirm}.
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
public class BookingConfirmationRequest {
    @JsonProperty("resellerReference")
    private String resellerReference;

    @JsonProperty("contact")
    private Contact contact;

    @JsonProperty("unitItems")
    private List<UnitItemRequest> unitItems;

    @JsonProperty("notes")
    private String notes;

    /** Creates an empty instance; fill it with the fluent setters. */
    public BookingConfirmationRequest() {}

    /** @return the channel's reference */
    public String getResellerReference() {
        return resellerReference;
    }

    /**
     * @param value the channel's reference
     * @return this
     */
    public BookingConfirmationRequest resellerReference(String value) {
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
    public BookingConfirmationRequest contact(Contact value) {
        this.contact = value;
        return this;
    }

    /** @return per-item contacts or references, optional (never null; empty when absent) */
    public List<UnitItemRequest> getUnitItems() {
        return unitItems == null ? Collections.emptyList() : Collections.unmodifiableList(unitItems);
    }

    /**
     * @param value per-item contacts or references, optional (copied; null to omit)
     * @return this
     */
    public BookingConfirmationRequest unitItems(List<UnitItemRequest> value) {
        this.unitItems = value == null ? null : new ArrayList<>(value);
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
    public BookingConfirmationRequest notes(String value) {
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
        BookingConfirmationRequest that = (BookingConfirmationRequest) o;
        return Objects.equals(resellerReference, that.resellerReference)
                && Objects.equals(contact, that.contact)
                && Objects.equals(unitItems, that.unitItems)
                && Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resellerReference, contact, unitItems, notes);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "BookingConfirmationRequest{" + "resellerReference=" + resellerReference + ", " + "contact=" + contact
                + ", " + "unitItems=" + unitItems + ", " + "notes=" + notes + "}";
    }
}
