// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Body of {@code POST /bookings/{uuid}/extend}.
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
public class BookingExtendRequest {
    @JsonProperty("expirationMinutes")
    private Integer expirationMinutes;

    /** Creates an empty instance; fill it with the fluent setters. */
    public BookingExtendRequest() {}

    /** @return how many more minutes to hold */
    public Integer getExpirationMinutes() {
        return expirationMinutes;
    }

    /**
     * @param value how many more minutes to hold
     * @return this
     */
    public BookingExtendRequest expirationMinutes(Integer value) {
        this.expirationMinutes = value;
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
        BookingExtendRequest that = (BookingExtendRequest) o;
        return Objects.equals(expirationMinutes, that.expirationMinutes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expirationMinutes);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "BookingExtendRequest{" + "expirationMinutes=" + expirationMinutes + "}";
    }
}
