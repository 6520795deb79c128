package io.scenicpass.core;

import io.scenicpass.core.codec.Base45;
import io.scenicpass.core.cose.CoseSign1;

/**
 * A decoded pass: its claims, the signing key id and algorithm, the raw COSE_Sign1 bytes (NFC) and the
 * QR text ({@link PassCodec#PREFIX} + Base45). A Pass from {@link PassCodec} is only parsed; use
 * {@link PassVerifier} to check its signature.
 */
public final class Pass {
    private final Claims claims;
    private final String keyId;
    private final Algorithm algorithm;
    private final byte[] encoded;
    private final CoseSign1 cose;
    private volatile String text;

    Pass(Claims claims, String keyId, Algorithm algorithm, byte[] encoded, CoseSign1 cose) {
        this.claims = claims;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.encoded = encoded;
        this.cose = cose;
    }

    /** The claims. */
    public Claims claims() {
        return claims;
    }

    /** The same pass (same bytes and signature) with other claims: codes resolved by {@link PassCodes}. */
    Pass withClaims(Claims resolved) {
        return new Pass(resolved, keyId, algorithm, encoded, cose);
    }

    /**
     * The key id of the signing key as the pass carries it: 8 hex characters, or a 2..6 character prefix
     * of the key id on passes issued with a short kid ({@link PassIssuer#PassIssuer(IssuerKey, int)}).
     */
    public String keyId() {
        return keyId;
    }

    /** The signature algorithm. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** The raw COSE_Sign1 bytes (what an NFC tag carries). */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** The size of the raw bytes. */
    public int encodedLength() {
        return encoded.length;
    }

    /** The QR text: {@code SP1} followed by Base45 of the raw bytes. */
    public String text() {
        String t = text;
        if (t == null) {
            t = PassCodec.PREFIX + Base45.encode(encoded);
            text = t;
        }
        return t;
    }

    CoseSign1 cose() {
        return cose;
    }

    @Override
    public String toString() {
        return "Pass{keyId=" + keyId + ", " + claims + "}";
    }
}
