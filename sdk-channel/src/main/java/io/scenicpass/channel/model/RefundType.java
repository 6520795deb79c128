// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Refund granted by a cancellation. */
public enum RefundType {
    /** Full refund. */
    FULL,
    /** Partial refund. */
    PARTIAL,
    /** No refund. */
    NONE,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
