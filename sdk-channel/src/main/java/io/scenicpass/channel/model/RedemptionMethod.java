// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a ticket is redeemed. */
public enum RedemptionMethod {
    /** Scanned from a screen. */
    DIGITAL,
    /** Must be printed. */
    PRINT,
    /** Checked against a manifest. */
    MANIFEST,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
