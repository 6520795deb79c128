package io.scenicpass.core;

/** Status of a signing key in a key set. */
public enum KeyStatus {
    /** Signs new passes. */
    ACTIVE,
    /** No longer signs; its passes verify until the key's validUntil. */
    RETIRED,
    /** Every pass signed by this key is refused. */
    COMPROMISED
}
