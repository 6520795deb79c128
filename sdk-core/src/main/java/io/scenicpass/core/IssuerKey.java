package io.scenicpass.core;

import io.scenicpass.core.internal.crypto.Crypto;
import io.scenicpass.core.internal.crypto.PemKeys;
import java.security.SecureRandom;
import java.time.Instant;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key that signs passes; also used as the root key that signs key sets.
 * {@link #toString()} never shows key material.
 */
public final class IssuerKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final String keyId;

    private IssuerKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.keyId = Crypto.keyId(publicKey);
    }

    /** A fresh random key. */
    public static IssuerKey generate(SecureRandom random) {
        return new IssuerKey(new Ed25519PrivateKeyParameters(random));
    }

    /** The key with this 32-byte private seed (RFC 8032); deterministic, for tests and vectors. */
    public static IssuerKey fromSeed(byte[] seed32) {
        if (seed32 == null || seed32.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        return new IssuerKey(new Ed25519PrivateKeyParameters(seed32, 0));
    }

    /** Wraps Bouncy Castle key parameters (used by the PEM reader). */
    static IssuerKey of(Ed25519PrivateKeyParameters params) {
        return new IssuerKey(params);
    }

    /** The key id: 8 hex characters of SHA-256 over the raw public key (the COSE kid is those 4 bytes). */
    public String keyId() {
        return keyId;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The algorithm (always EdDSA). */
    public Algorithm algorithm() {
        return Algorithm.EDDSA;
    }

    /** An Ed25519 signature (64 bytes) over {@code data}. */
    public byte[] sign(byte[] data) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, privateKey);
        s.update(data, 0, data.length);
        return s.generateSignature();
    }

    /** The public entry of this key for a key set. */
    public PublicKeyEntry toPublicEntry(Instant validFrom, Instant validUntil, KeyStatus status) {
        return PublicKeyEntry.of(keyId, Algorithm.EDDSA, publicKey, validFrom, validUntil, status);
    }

    /**
     * The private key as encrypted PKCS#8 PEM (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC).
     * The passphrase array is not cleared; the caller owns it.
     */
    public String toEncryptedPem(char[] passphrase) {
        return PemKeys.write(privateKey, passphrase);
    }

    /**
     * Reads an encrypted PKCS#8 PEM written by {@link #toEncryptedPem}.
     *
     * @throws ScenicPassException BAD_PASSPHRASE if it does not decrypt, MALFORMED if it is not such a PEM
     */
    public static IssuerKey fromEncryptedPem(String pem, char[] passphrase) {
        return new IssuerKey(PemKeys.read(pem, passphrase));
    }

    @Override
    public String toString() {
        return "IssuerKey{keyId=" + keyId + "}";
    }
}
