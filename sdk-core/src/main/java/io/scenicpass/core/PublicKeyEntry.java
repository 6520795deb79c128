package io.scenicpass.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.internal.crypto.Crypto;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key in a key set: key id, algorithm, public key (raw 32 bytes for EdDSA; X.509
 * SubjectPublicKeyInfo DER for ES256/PS256), validity window and status. JSON: publicKey in base64. A key the issuer
 * delegated to a device also carries its {@link Delegation} (absent otherwise; older readers ignore it).
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
    private final Delegation delegation;

    @JsonCreator
    private PublicKeyEntry(
            @JsonProperty("keyId") String keyId,
            @JsonProperty("algorithm") Algorithm algorithm,
            @JsonProperty("publicKey") byte[] publicKey,
            @JsonProperty("validFrom") Instant validFrom,
            @JsonProperty("validUntil") Instant validUntil,
            @JsonProperty("status") KeyStatus status,
            @JsonProperty("delegation") Delegation delegation) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.status = Objects.requireNonNull(status, "status");
        this.delegation = delegation;
        if (delegation != null && algorithm != Algorithm.EDDSA) {
            throw new IllegalArgumentException("a delegated key is an Ed25519 key");
        }
    }

    /** A key entry. For EdDSA, {@code publicKey} is the raw 32 bytes. */
    public static PublicKeyEntry of(
            String keyId,
            Algorithm algorithm,
            byte[] publicKey,
            Instant validFrom,
            Instant validUntil,
            KeyStatus status) {
        return new PublicKeyEntry(keyId, algorithm, publicKey, validFrom, validUntil, status, null);
    }

    /**
     * The entry of an Ed25519 key delegated to a device: valid (notBefore..notAfter) from {@code validFrom} to
     * {@code validUntil}, ACTIVE (never the issuer's {@link KeySet#active} key), or COMPROMISED once revoked so that
     * gates too old to read the delegation still refuse its passes.
     */
    public static PublicKeyEntry delegated(
            byte[] ed25519PublicKey, Instant validFrom, Instant validUntil, Delegation delegation) {
        Objects.requireNonNull(delegation, "delegation");
        return new PublicKeyEntry(
                Crypto.keyId(ed25519PublicKey),
                Algorithm.EDDSA,
                ed25519PublicKey,
                validFrom,
                validUntil,
                delegation.revokedAt().isPresent() ? KeyStatus.COMPROMISED : KeyStatus.ACTIVE,
                delegation);
    }

    /** The key id of a public key: 8 hex characters of SHA-256 over it (what a key set requires of its entries). */
    public static String keyIdOf(byte[] publicKey) {
        return Crypto.keyId(publicKey);
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

    /** The delegation, when the issuer delegated this key to a device. */
    public Optional<Delegation> delegation() {
        return Optional.ofNullable(delegation);
    }

    /** A copy with another status. */
    public PublicKeyEntry withStatus(KeyStatus newStatus) {
        return new PublicKeyEntry(keyId, algorithm, publicKey, validFrom, validUntil, newStatus, delegation);
    }

    /** A copy with another validity end. */
    public PublicKeyEntry withValidUntil(Instant newValidUntil) {
        return new PublicKeyEntry(keyId, algorithm, publicKey, validFrom, newValidUntil, status, delegation);
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
                && status == e.status
                && Objects.equals(delegation, e.delegation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, validFrom, validUntil, status);
    }

    @Override
    public String toString() {
        return "PublicKeyEntry{" + keyId + " " + algorithm + " " + status + " " + validFrom + ".." + validUntil
                + (delegation == null ? "" : " " + delegation) + "}";
    }
}
