// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Lifecycle of a booking. */
public enum BookingStatus {
    /** Reserved, awaiting confirmation until {@code utcExpiresAt}. */
    ON_HOLD,
    /** Confirmed; tickets issued. */
    CONFIRMED,
    /** The hold expired; its capacity was returned. */
    EXPIRED,
    /** Cancelled. */
    CANCELLED,
    /** Used at the gate. */
    REDEEMED,
    /** Awaiting supplier confirmation. */
    PENDING,
    /** Refused by the supplier. */
    REJECTED,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
