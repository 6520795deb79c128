package io.scenicpass.core.internal.crypto;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/** Encrypted PKCS#8 PEM for Ed25519 private keys. Errors never include key material. */
public final class PemKeys {
    /** PBKDF2 iterations used when writing. */
    public static final int ITERATIONS = 210_000;

    private PemKeys() {}

    /** Writes encrypted PKCS#8 PEM. */
    public static String write(Ed25519PrivateKeyParameters key, char[] passphrase) {
        try {
            PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(key);
            OutputEncryptor enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(Crypto.BC)
                    .setRandom(new SecureRandom())
                    .setPassword(passphrase)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(ITERATIONS)
                    .build();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(out)) {
                w.writeObject(new PKCS8Generator(info, enc));
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt private key");
        }
    }

    /** Reads encrypted PKCS#8 PEM; BAD_PASSPHRASE if it does not decrypt, MALFORMED if not such a PEM. */
    public static Ed25519PrivateKeyParameters read(String pem, char[] passphrase) {
        Object obj;
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            obj = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "not a PEM document");
        }
        if (!(obj instanceof PKCS8EncryptedPrivateKeyInfo)) {
            throw new ScenicPassException(ErrorCode.MALFORMED, "not an encrypted PKCS#8 private key");
        }
        PrivateKeyInfo info;
        try {
            info = ((PKCS8EncryptedPrivateKeyInfo) obj)
                    .decryptPrivateKeyInfo(new JcePKCSPBEInputDecryptorProviderBuilder()
                            .setProvider(Crypto.BC)
                            .build(passphrase));
        } catch (Exception e) {
            throw new ScenicPassException(ErrorCode.BAD_PASSPHRASE);
        }
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
            if (!(key instanceof Ed25519PrivateKeyParameters)) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "not an Ed25519 private key");
            }
            return (Ed25519PrivateKeyParameters) key;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScenicPassException) {
                throw (ScenicPassException) e;
            }
            throw new ScenicPassException(ErrorCode.BAD_PASSPHRASE);
        }
    }
}
