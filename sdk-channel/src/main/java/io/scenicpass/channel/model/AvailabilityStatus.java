// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Availability of a slot or a day. */
public enum AvailabilityStatus {
    /** Bookable, at least half of the places left. */
    AVAILABLE,
    /** No capacity limit. */
    FREESALE,
    /** No place left. */
    SOLD_OUT,
    /** Bookable, fewer than half of the places left. */
    LIMITED,
    /** Not open for sale (closed day, past cutoff). */
    CLOSED,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
