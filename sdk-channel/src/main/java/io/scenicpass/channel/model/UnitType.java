// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** OCTO unit types (who a ticket is for). */
public enum UnitType {
    /** Adult. */
    ADULT,
    /** Youth. */
    YOUTH,
    /** Child. */
    CHILD,
    /** Infant. */
    INFANT,
    /** Family. */
    FAMILY,
    /** Senior. */
    SENIOR,
    /** Student. */
    STUDENT,
    /** Military. */
    MILITARY,
    /** Other. */
    OTHER,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
