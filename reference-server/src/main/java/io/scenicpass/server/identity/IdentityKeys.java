package io.scenicpass.server.identity;

import io.scenicpass.core.DocumentType;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server-only identity secret: 32 random bytes in {@code <data>/keys/identity.key} (0600, copied with the keys
 * directory to every node like the issuer keys). Two keys are derived from it: one for the lookup hashes (limits,
 * blacklist, erasure requests), one for AES-256-GCM encryption of numbers and names. The database keeps a check value
 * of the secret, so a node started with another (or a lost) file refuses to start instead of hashing differently.
 */
public final class IdentityKeys {
    static final String CHECK_SETTING = "identity.keyCheck";
    private static final int IV = 12;

    private final byte[] lookupKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random;

    private IdentityKeys(byte[] secret, SecureRandom random) {
        this.lookupKey = derive(secret, "lookup");
        this.encryptionKey = new SecretKeySpec(derive(secret, "encrypt"), "AES");
        this.random = random;
    }

    /** Loads (or on the first start creates) the secret in {@code keysDir}, checked against the database. */
    public static IdentityKeys load(Path keysDir, Database db, SettingStore settings, SecureRandom random) {
        Path f = keysDir.resolve("identity.key");
        String check = db.read(c -> settings.get(c, CHECK_SETTING).orElse(null));
        byte[] secret;
        try {
            if (Files.exists(f)) {
                secret = Base64.getDecoder()
                        .decode(Files.readString(f, StandardCharsets.US_ASCII).trim());
            } else if (check != null) {
                throw new IllegalStateException("the database holds identities hashed with a key that " + f
                        + " should hold, but it is missing: copy the keys directory from the first server");
            } else {
                secret = new byte[32];
                random.nextBytes(secret);
                SecureFiles.ownerOnlyDirectory(keysDir);
                SecureFiles.writeOwnerOnly(
                        f, Base64.getEncoder().encodeToString(secret).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        String mine = HexFormat.of().formatHex(derive(secret, "check"));
        String stored = db.tx(c -> settings.putIfAbsent(c, CHECK_SETTING, mine));
        if (!MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), mine.getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalStateException(
                    f + " is not the identity key the database was written with: copy the keys directory from the"
                            + " first server");
        }
        return new IdentityKeys(secret, random);
    }

    /** The lookup hash of a document (hex, 64): HMAC-SHA256 over {@code TYPE ":" NUMBER}, never reversible. */
    public String lookup(DocumentType type, String normalisedNumber) {
        return HexFormat.of().formatHex(hmac(lookupKey, type.name() + ":" + normalisedNumber));
    }

    /** A keyed digest of any text (request fingerprints that include identities). */
    public String digest(String text) {
        return HexFormat.of().formatHex(hmac(lookupKey, "digest:" + text));
    }

    /** AES-GCM ciphertext of {@code plain} (base64: IV then ciphertext and tag), bound to {@code context}. */
    public String encrypt(String plain, String context) {
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(
                            ByteBuffer.allocate(IV + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain text of {@link #encrypt}; fails when the ciphertext or its context was tampered with. */
    public String decrypt(String stored, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, IV));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV, all.length - IV), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored identity cannot be decrypted (wrong key or tampered)", e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        return hmac(secret, "scenicpass-identity-" + purpose);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
