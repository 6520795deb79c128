// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How tickets are delivered. */
public enum DeliveryMethod {
    /** One voucher for the booking. */
    VOUCHER,
    /** One ticket per unit item. */
    TICKET,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
