// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates UnitItem.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.scenicpass.channel.model.internal.OctoJsonCodecs;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A unit item of a booking: one ticket.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractUnitItem {

    /** @return the item uuid */
    @JsonProperty("uuid")
    public abstract @Nullable String getUuid();

    /** @return the unit id */
    @JsonProperty("unitId")
    public abstract @Nullable String getUnitId();

    /** @return the channel's reference */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("resellerReference")
    public abstract @Nullable String getResellerReference();

    /** @return the supplier's reference */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("supplierReference")
    public abstract @Nullable String getSupplierReference();

    /** @return the item status */
    @JsonProperty("status")
    public abstract @Nullable BookingStatus getStatus();

    /** @return when it was redeemed, UTC */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcRedeemedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcRedeemedAt();

    /** @return the holder's contact */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("contact")
    public abstract @Nullable Contact getContact();

    /** @return the ticket (after confirmation) */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("ticket")
    public abstract @Nullable Ticket getTicket();

    /** @return the price (octo/pricing) */
    @JsonProperty("pricing")
    public abstract @Nullable Pricing getPricing();

    /**
     * @return ScenicPass extension {@code unitItems[].identity}: the visitor's document on a real-name ticket, as the
     *     answers show it (number and name masked), or null
     */
    @JsonProperty("identity")
    public abstract @Nullable Identity getIdentity();
}
