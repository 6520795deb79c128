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
import java.util.Objects;

/**
 * A unit item of a booking: one ticket.
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
public class UnitItem {
    @JsonProperty("uuid")
    private String uuid;

    @JsonProperty("unitId")
    private String unitId;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("resellerReference")
    private String resellerReference;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("supplierReference")
    private String supplierReference;

    @JsonProperty("status")
    private BookingStatus status;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcRedeemedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcRedeemedAt;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("contact")
    private Contact contact;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("ticket")
    private Ticket ticket;

    @JsonProperty("pricing")
    private Pricing pricing;

    /** Creates an empty instance; fill it with the fluent setters. */
    public UnitItem() {}

    /** @return the item uuid */
    public String getUuid() {
        return uuid;
    }

    /**
     * @param value the item uuid
     * @return this
     */
    public UnitItem uuid(String value) {
        this.uuid = value;
        return this;
    }

    /** @return the unit id */
    public String getUnitId() {
        return unitId;
    }

    /**
     * @param value the unit id
     * @return this
     */
    public UnitItem unitId(String value) {
        this.unitId = value;
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
    public UnitItem resellerReference(String value) {
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
    public UnitItem supplierReference(String value) {
        this.supplierReference = value;
        return this;
    }

    /** @return the item status */
    public BookingStatus getStatus() {
        return status;
    }

    /**
     * @param value the item status
     * @return this
     */
    public UnitItem status(BookingStatus value) {
        this.status = value;
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
    public UnitItem utcRedeemedAt(Instant value) {
        this.utcRedeemedAt = value;
        return this;
    }

    /** @return the holder's contact */
    public Contact getContact() {
        return contact;
    }

    /**
     * @param value the holder's contact
     * @return this
     */
    public UnitItem contact(Contact value) {
        this.contact = value;
        return this;
    }

    /** @return the ticket (after confirmation) */
    public Ticket getTicket() {
        return ticket;
    }

    /**
     * @param value the ticket (after confirmation)
     * @return this
     */
    public UnitItem ticket(Ticket value) {
        this.ticket = value;
        return this;
    }

    /** @return the price (octo/pricing) */
    public Pricing getPricing() {
        return pricing;
    }

    /**
     * @param value the price (octo/pricing)
     * @return this
     */
    public UnitItem pricing(Pricing value) {
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
        UnitItem that = (UnitItem) o;
        return Objects.equals(uuid, that.uuid)
                && Objects.equals(unitId, that.unitId)
                && Objects.equals(resellerReference, that.resellerReference)
                && Objects.equals(supplierReference, that.supplierReference)
                && Objects.equals(status, that.status)
                && Objects.equals(utcRedeemedAt, that.utcRedeemedAt)
                && Objects.equals(contact, that.contact)
                && Objects.equals(ticket, that.ticket)
                && Objects.equals(pricing, that.pricing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                uuid, unitId, resellerReference, supplierReference, status, utcRedeemedAt, contact, ticket, pricing);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "UnitItem{" + "uuid=" + uuid + ", " + "unitId=" + unitId + ", " + "resellerReference="
                + resellerReference + ", " + "supplierReference=" + supplierReference + ", " + "status=" + status + ", "
                + "utcRedeemedAt=" + utcRedeemedAt + ", " + "contact=" + contact + ", " + "ticket=" + ticket + ", "
                + "pricing=" + pricing + "}";
    }
}
