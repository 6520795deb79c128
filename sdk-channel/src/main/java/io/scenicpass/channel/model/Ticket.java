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
 * The ticket of a unit item, or the voucher of a booking.
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
public class Ticket {
    @JsonProperty("redemptionMethod")
    private RedemptionMethod redemptionMethod;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("utcRedeemedAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcRedeemedAt;

    @JsonProperty("deliveryOptions")
    private List<DeliveryOption> deliveryOptions;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Ticket() {}

    /** @return how it is redeemed */
    public RedemptionMethod getRedemptionMethod() {
        return redemptionMethod;
    }

    /**
     * @param value how it is redeemed
     * @return this
     */
    public Ticket redemptionMethod(RedemptionMethod value) {
        this.redemptionMethod = value;
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
    public Ticket utcRedeemedAt(Instant value) {
        this.utcRedeemedAt = value;
        return this;
    }

    /** @return the delivery options (never null; empty when absent) */
    public List<DeliveryOption> getDeliveryOptions() {
        return deliveryOptions == null ? Collections.emptyList() : Collections.unmodifiableList(deliveryOptions);
    }

    /**
     * @param value the delivery options (copied; null to omit)
     * @return this
     */
    public Ticket deliveryOptions(List<DeliveryOption> value) {
        this.deliveryOptions = value == null ? null : new ArrayList<>(value);
        return this;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Ticket that = (Ticket) o;
        return Objects.equals(redemptionMethod, that.redemptionMethod)
                && Objects.equals(utcRedeemedAt, that.utcRedeemedAt)
                && Objects.equals(deliveryOptions, that.deliveryOptions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(redemptionMethod, utcRedeemedAt, deliveryOptions);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Ticket{" + "redemptionMethod=" + redemptionMethod + ", " + "utcRedeemedAt=" + utcRedeemedAt + ", "
                + "deliveryOptions=" + deliveryOptions + "}";
    }
}
