package io.scenicpass.terminal.sync;

/** Why a sync operation failed. */
public enum SyncErrorCode {
    /** The server could not be reached (refused, timeout, reset). */
    NETWORK,
    /** The server answered 5xx. */
    SERVER,
    /** The device token was refused (401/403): the device was revoked or must enroll again. */
    UNAUTHORIZED,
    /** The enrollment token was refused (unknown, used or expired). */
    ENROLLMENT_REFUSED,
    /** The server refused the request (other 4xx), with its WireError code. */
    REJECTED,
    /** The server asked to slow down (429). */
    THROTTLED,
    /** The response could not be read or did not match the wire model. */
    BAD_RESPONSE,
    /** The key set's signature does not verify against the pinned root key. */
    BAD_KEY_SET,
    /** A text (enrollment code, URL) given by the caller is not valid. */
    INVALID_INPUT
}
