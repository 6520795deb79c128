// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** OCTO error codes (the {@code error} field of an error body). */
public enum OctoErrorCode {
    /** Missing or invalid productId. */
    INVALID_PRODUCT_ID,
    /** Missing or invalid optionId. */
    INVALID_OPTION_ID,
    /** Missing or invalid unitId. */
    INVALID_UNIT_ID,
    /** Missing or invalid availabilityId. */
    INVALID_AVAILABILITY_ID,
    /** Missing or invalid booking uuid, or confirming an expired hold. */
    INVALID_BOOKING_UUID,
    /** Malformed body, missing fields or wrong types. */
    BAD_REQUEST,
    /** Well-formed but cannot be processed (sold out, after cutoff, ...). */
    UNPROCESSABLE_ENTITY,
    /** No API key sent. */
    UNAUTHORIZED,
    /** Invalid or revoked API key, or a resource of another channel. */
    FORBIDDEN,
    /** Server-side failure or outage. */
    INTERNAL_SERVER_ERROR,
    /** ScenicPass extension: the channel's rate limit was exceeded (HTTP 429 with Retry-After). */
    TOO_MANY_REQUESTS,
    /** ScenicPass extension: no such endpoint or file (HTTP 404); unknown ids have their own INVALID_* codes. */
    NOT_FOUND,
    /** A value this client version does not know (sent by a newer server). Never sent by a client. */
    @JsonEnumDefaultValue
    UNKNOWN
}
