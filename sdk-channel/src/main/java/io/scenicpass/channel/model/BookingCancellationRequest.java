// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Body of {@code POST /bookings/{uuid}/cancel}.
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
public class BookingCancellationRequest {
    @JsonProperty("reason")
    private String reason;

    @JsonProperty("force")
    private Boolean force;

    /** Creates an empty instance; fill it with the fluent setters. */
    public BookingCancellationRequest() {}

    /** @return why the booking is cancelled */
    public String getReason() {
        return reason;
    }

    /**
     * @param value why the booking is cancelled
     * @return this
     */
    public BookingCancellationRequest reason(String value) {
        this.reason = value;
        return this;
    }

    /** @return cancel even after the cutoff (only where the supplier allows it) */
    public Boolean getForce() {
        return force;
    }

    /**
     * @param value cancel even after the cutoff (only where the supplier allows it)
     * @return this
     */
    public BookingCancellationRequest force(Boolean value) {
        this.force = value;
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
        BookingCancellationRequest that = (BookingCancellationRequest) o;
        return Objects.equals(reason, that.reason) && Objects.equals(force, that.force);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, force);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "BookingCancellationRequest{" + "reason=" + reason + ", " + "force=" + force + "}";
    }
}
