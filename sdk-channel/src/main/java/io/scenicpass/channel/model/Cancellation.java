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
 * Details of a cancellation.
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
public class Cancellation {
    @JsonProperty("refund")
    private RefundType refund;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reason")
    private String reason;

    @JsonProperty("utcCancelledAt")
    @JsonSerialize(using = OctoJsonCodecs.UtcTimestampSerializer.class)
    @JsonDeserialize(using = OctoJsonCodecs.UtcTimestampDeserializer.class)
    private Instant utcCancelledAt;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Cancellation() {}

    /** @return the refund granted */
    public RefundType getRefund() {
        return refund;
    }

    /**
     * @param value the refund granted
     * @return this
     */
    public Cancellation refund(RefundType value) {
        this.refund = value;
        return this;
    }

    /** @return the reason given */
    public String getReason() {
        return reason;
    }

    /**
     * @param value the reason given
     * @return this
     */
    public Cancellation reason(String value) {
        this.reason = value;
        return this;
    }

    /** @return when it was cancelled, UTC */
    public Instant getUtcCancelledAt() {
        return utcCancelledAt;
    }

    /**
     * @param value when it was cancelled, UTC
     * @return this
     */
    public Cancellation utcCancelledAt(Instant value) {
        this.utcCancelledAt = value;
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
        Cancellation that = (Cancellation) o;
        return Objects.equals(refund, that.refund)
                && Objects.equals(reason, that.reason)
                && Objects.equals(utcCancelledAt, that.utcCancelledAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(refund, reason, utcCancelledAt);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Cancellation{" + "refund=" + refund + ", " + "reason=" + reason + ", " + "utcCancelledAt="
                + utcCancelledAt + "}";
    }
}
