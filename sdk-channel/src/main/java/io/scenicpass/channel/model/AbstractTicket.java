// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Ticket.

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
 * The ticket of a unit item, or the voucher of a booking.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractTicket {

    /** @return how it is redeemed */
    @JsonProperty("redemptionMethod")
    public abstract @Nullable RedemptionMethod getRedemptionMethod();

    /** @return when it was redeemed, UTC */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcRedeemedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    public abstract @Nullable Instant getUtcRedeemedAt();

    /** The list as set or read (null when absent); {@link #getDeliveryOptions()} for a never-null view. */
    @JsonProperty("deliveryOptions")
    abstract @Nullable List<DeliveryOption> deliveryOptions();

    /** @return the delivery options (never null; empty when absent) */
    public final List<DeliveryOption> getDeliveryOptions() {
        return ModelLists.view(deliveryOptions());
    }

    /**
     * Returns the value of the first delivery option of the given format.
     *
     * @param format the format, e.g. {@link DeliveryFormat#QRCODE}
     * @return the delivery value, or null when there is none
     */
    public String deliveryValue(DeliveryFormat format) {
        for (DeliveryOption d : getDeliveryOptions()) {
            if (d.getDeliveryFormat() == format) {
                return d.getDeliveryValue();
            }
        }
        return null;
    }
}
