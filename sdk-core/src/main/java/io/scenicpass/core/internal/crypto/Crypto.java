package io.scenicpass.core.internal.crypto;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.internal.text.Hex;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Bouncy Castle access without registering a global provider. */
public final class Crypto {
    /** The Bouncy Castle provider instance used for every JCA call (not installed globally). */
    public static final Provider BC = new BouncyCastleProvider();
    /** Length of a key id in bytes (the COSE kid). */
    public static final int KID_LENGTH = 4;

    private Crypto() {}

    /** SHA-256. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kid bytes of a public key: the first 4 bytes of SHA-256 over its encoded form. */
    public static byte[] kid(byte[] publicKey) {
        return Arrays.copyOf(sha256(publicKey), KID_LENGTH);
    }

    /** The key id string: the kid as 8 lower-case hex characters. */
    public static String keyId(byte[] publicKey) {
        return Hex.encode(kid(publicKey));
    }

    /** An Ed25519 public key from 32 raw bytes; MALFORMED if not a valid encoding. */
    public static Ed25519PublicKeyParameters ed25519(byte[] raw32) {
        if (raw32 == null || raw32.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "Ed25519 public key must be 32 bytes");
        }
        try {
            return new Ed25519PublicKeyParameters(raw32, 0);
        } catch (RuntimeException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "invalid Ed25519 public key");
        }
    }

    /** Verifies an Ed25519 signature over {@code data}. */
    public static boolean verifyEd25519(Ed25519PublicKeyParameters key, byte[] data, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        Ed25519Signer s = new Ed25519Signer();
        s.init(false, key);
        s.update(data, 0, data.length);
        return s.verifySignature(signature);
    }

    /** A JCA public key from X.509 SubjectPublicKeyInfo DER ("EC" or "RSA"). */
    public static PublicKey publicKey(String algorithm, byte[] spki) {
        try {
            return KeyFactory.getInstance(algorithm, BC).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "invalid " + algorithm + " public key");
        }
    }
}
