// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a product's availability is expressed. */
public enum AvailabilityType {
    /** Fixed start times (timed slots). */
    START_TIME,
    /** Open all day within opening hours. */
    OPENING_HOURS,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
