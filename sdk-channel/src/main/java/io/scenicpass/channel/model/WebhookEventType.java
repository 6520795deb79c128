// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Kinds of webhook events sent to channels. */
public enum WebhookEventType {
    /** A booking was confirmed. */
    BOOKING_CONFIRMED,
    /** A booking was cancelled. */
    BOOKING_CANCELLED,
    /** A booking (or one of its unit items) was redeemed at a gate (核销). */
    BOOKING_REDEEMED,
    /** A confirmed booking was moved (availability, unit items, product or option): its passes were reissued. */
    BOOKING_UPDATED,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
