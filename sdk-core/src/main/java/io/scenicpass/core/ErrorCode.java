package io.scenicpass.core;

/** Stable error codes of the ScenicPass protocol. Codes never change meaning once published. */
public enum ErrorCode {
    /** The input is not a well-formed pass, key set, delta or encoding. */
    MALFORMED("malformed input"),
    /** The pass announces a format version this library does not understand. */
    UNSUPPORTED_VERSION("unsupported pass format version"),
    /** The signature algorithm is not one of EdDSA, ES256, PS256. */
    UNSUPPORTED_ALGORITHM("unsupported signature algorithm"),
    /** The signature does not verify. */
    BAD_SIGNATURE("bad signature"),
    /** The key id is not in the key set. */
    UNKNOWN_KEY("unknown signing key"),
    /** The signing key was retired and its validity has ended. */
    KEY_RETIRED("signing key retired"),
    /** The signing key is marked compromised: every pass it signed is refused. */
    KEY_COMPROMISED("signing key compromised"),
    /** The pass is past its validity. */
    EXPIRED("pass expired"),
    /** The pass is not valid yet. */
    NOT_YET_VALID("pass not yet valid"),
    /** A signed key set failed verification or is malformed. */
    BAD_KEY_SET("bad key set"),
    /** A delta does not follow the current sequence number. */
    STALE_SEQUENCE("delta does not follow the current sequence"),
    /** The passphrase does not decrypt the private key. */
    BAD_PASSPHRASE("wrong passphrase or unreadable private key"),
    /** A key delegated to a device (a box office) signed a pass outside the delegation's scope. */
    DELEGATION_OUT_OF_SCOPE("pass outside the signing key's delegation"),
    /** A key delegated to a device is used outside the delegation's validity (notBefore..notAfter). */
    DELEGATION_EXPIRED("delegated signing key expired"),
    /** A key delegated to a device was revoked: every pass it signed is refused. */
    KEY_REVOKED("signing key revoked");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /** A short English message suitable for logs and error responses. */
    public String defaultMessage() {
        return defaultMessage;
    }
}
