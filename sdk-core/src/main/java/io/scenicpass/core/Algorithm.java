package io.scenicpass.core;

import java.util.Optional;

/** Signature algorithms with their COSE identifiers (RFC 9053). */
public enum Algorithm {
    /** EdDSA with Ed25519 (what ScenicPass issues). */
    EDDSA(-8),
    /** ECDSA P-256 with SHA-256 (verification only). */
    ES256(-7),
    /** RSASSA-PSS with SHA-256 (verification only). */
    PS256(-37);

    private final int coseValue;

    Algorithm(int coseValue) {
        this.coseValue = coseValue;
    }

    /** The COSE algorithm identifier. */
    public int coseValue() {
        return coseValue;
    }

    /** The algorithm with this COSE identifier, if supported. */
    public static Optional<Algorithm> fromCose(long value) {
        for (Algorithm a : values()) {
            if (a.coseValue == value) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
