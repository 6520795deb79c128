// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One way to deliver a ticket, e.g. a QR code whose value is the signed pass.
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
public class DeliveryOption {
    @JsonProperty("deliveryFormat")
    private DeliveryFormat deliveryFormat;

    @JsonProperty("deliveryValue")
    private String deliveryValue;

    /** Creates an empty instance; fill it with the fluent setters. */
    public DeliveryOption() {}

    /** @return the format */
    public DeliveryFormat getDeliveryFormat() {
        return deliveryFormat;
    }

    /**
     * @param value the format
     * @return this
     */
    public DeliveryOption deliveryFormat(DeliveryFormat value) {
        this.deliveryFormat = value;
        return this;
    }

    /** @return the value (QR text, URL...) */
    public String getDeliveryValue() {
        return deliveryValue;
    }

    /**
     * @param value the value (QR text, URL...)
     * @return this
     */
    public DeliveryOption deliveryValue(String value) {
        this.deliveryValue = value;
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
        DeliveryOption that = (DeliveryOption) o;
        return Objects.equals(deliveryFormat, that.deliveryFormat) && Objects.equals(deliveryValue, that.deliveryValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deliveryFormat, deliveryValue);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "DeliveryOption{" + "deliveryFormat=" + deliveryFormat + ", " + "deliveryValue=" + deliveryValue + "}";
    }
}
