package io.scenicpass.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key in a key set: key id, algorithm, public key (raw 32 bytes for EdDSA; X.509
 * SubjectPublicKeyInfo DER for ES256/PS256), validity window and status. JSON: publicKey in base64.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PublicKeyEntry {
    private final String keyId;
    private final Algorithm algorithm;
    private final byte[] publicKey;
    private final Instant validFrom;
    private final Instant validUntil;
    private final KeyStatus status;

    @JsonCreator
    private PublicKeyEntry(
            @JsonProperty("keyId") String keyId,
            @JsonProperty("algorithm") Algorithm algorithm,
            @JsonProperty("publicKey") byte[] publicKey,
            @JsonProperty("validFrom") Instant validFrom,
            @JsonProperty("validUntil") Instant validUntil,
            @JsonProperty("status") KeyStatus status) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** A key entry. For EdDSA, {@code publicKey} is the raw 32 bytes. */
    public static PublicKeyEntry of(
            String keyId,
            Algorithm algorithm,
            byte[] publicKey,
            Instant validFrom,
            Instant validUntil,
            KeyStatus status) {
        return new PublicKeyEntry(keyId, algorithm, publicKey, validFrom, validUntil, status);
    }

    /** The key id (8 hex characters derived from the public key). */
    public String keyId() {
        return keyId;
    }

    /** The signature algorithm. */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** Raw public key (EdDSA) or SubjectPublicKeyInfo DER (ES256, PS256). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Start of the key's validity. */
    public Instant validFrom() {
        return validFrom;
    }

    /** End of the key's validity: passes of a retired key verify until then. */
    public Instant validUntil() {
        return validUntil;
    }

    /** Status. */
    public KeyStatus status() {
        return status;
    }

    /** A copy with another status. */
    public PublicKeyEntry withStatus(KeyStatus newStatus) {
        return new PublicKeyEntry(keyId, algorithm, publicKey, validFrom, validUntil, newStatus);
    }

    /** A copy with another validity end. */
    public PublicKeyEntry withValidUntil(Instant newValidUntil) {
        return new PublicKeyEntry(keyId, algorithm, publicKey, validFrom, newValidUntil, status);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PublicKeyEntry)) {
            return false;
        }
        PublicKeyEntry e = (PublicKeyEntry) o;
        return keyId.equals(e.keyId)
                && algorithm == e.algorithm
                && Arrays.equals(publicKey, e.publicKey)
                && validFrom.equals(e.validFrom)
                && validUntil.equals(e.validUntil)
                && status == e.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, validFrom, validUntil, status);
    }

    @Override
    public String toString() {
        return "PublicKeyEntry{" + keyId + " " + algorithm + " " + status + " " + validFrom + ".." + validUntil + "}";
    }
}
