package io.scenicpass.terminal.health;

import io.scenicpass.core.codec.Base45;
import io.scenicpass.core.cose.CoseSign1;
import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The verification chain of a health certificate, one static method per step so tests can check each
 * step against the corpus expectations. Each step throws {@link DccException} with its reason code.
 */
final class DccSteps {
    static final String PREFIX = "HC1:";
    static final int ES256 = -7;
    static final int PS256 = -37;
    /** A QR code holds at most ~3 KB; a certificate decompressing past this is hostile. */
    private static final int MAX_INFLATED = 64 * 1024;

    private static final int CWT_TAG_BYTE0 = 0xd8;
    private static final int CWT_TAG = 61;

    private DccSteps() {}

    static String unprefix(String text) throws DccException {
        String t = text == null ? "" : text.trim();
        if (!t.startsWith(PREFIX)) {
            throw new DccException(HealthCertificateReason.MALFORMED_PREFIX, "missing HC1: prefix");
        }
        return t.substring(PREFIX.length());
    }

    static byte[] base45(String text) throws DccException {
        try {
            return Base45.decode(text);
        } catch (RuntimeException e) {
            throw new DccException(HealthCertificateReason.BASE45, "invalid Base45");
        }
    }

    static byte[] inflate(byte[] compressed) throws DccException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 2);
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DccException(HealthCertificateReason.COMPRESSION, "truncated zlib stream");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DccException(HealthCertificateReason.COMPRESSION, "decompresses past 64 KiB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DccException(HealthCertificateReason.COMPRESSION, "not a zlib stream");
        } finally {
            inflater.end();
        }
    }

    static CoseSign1 cose(byte[] bytes) throws DccException {
        byte[] b = bytes;
        if (b.length > 2 && (b[0] & 0xff) == CWT_TAG_BYTE0 && (b[1] & 0xff) == CWT_TAG) {
            b = java.util.Arrays.copyOfRange(b, 2, b.length); // CWT tag 61 around the COSE_Sign1
        }
        try {
            return CoseSign1.decode(b);
        } catch (RuntimeException e) {
            byte[] normalised = CoseHeaders.dropShadowedUnprotected(b);
            if (normalised != null) {
                try {
                    return CoseSign1.decode(normalised);
                } catch (RuntimeException again) {
                    // fall through
                }
            }
            throw new DccException(HealthCertificateReason.COSE, "not a COSE_Sign1 message");
        }
    }

    static CwtClaims claims(CoseSign1 cose) throws DccException {
        byte[] payload = cose.payload();
        if (payload == null) {
            throw new DccException(HealthCertificateReason.CWT, "no payload");
        }
        return CwtClaims.parse(payload);
    }

    /** The kid of the protected header wins; the unprotected one is used only when none is protected. */
    static X509Certificate signer(CoseSign1 cose, DccTrustList trust) throws DccException {
        Optional<byte[]> kid = cose.keyId();
        if (!kid.isPresent()) {
            throw new DccException(HealthCertificateReason.UNKNOWN_SIGNER, "no key id");
        }
        return trust.find(kid.get())
                .orElseThrow(
                        () -> new DccException(HealthCertificateReason.UNKNOWN_SIGNER, "key id not in trust list"));
    }

    static void verifySignature(CoseSign1 cose, X509Certificate signer) throws DccException {
        int alg;
        try {
            alg = cose.algorithm();
        } catch (RuntimeException e) {
            throw new DccException(HealthCertificateReason.UNSUPPORTED_ALGORITHM, "no algorithm in header");
        }
        PublicKey key = signer.getPublicKey();
        boolean ec = "EC".equals(key.getAlgorithm());
        boolean rsa = "RSA".equals(key.getAlgorithm()) || "RSASSA-PSS".equals(key.getAlgorithm());
        if (!(alg == ES256 && ec) && !(alg == PS256 && rsa)) {
            throw new DccException(
                    HealthCertificateReason.UNSUPPORTED_ALGORITHM,
                    "algorithm " + alg + " with a " + key.getAlgorithm() + " key");
        }
        boolean ok;
        try {
            ok = cose.verify(key);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new DccException(HealthCertificateReason.BAD_SIGNATURE, "signature does not verify");
        }
    }

    /**
     * A signer whose extended key usage names any DCC type may only sign those types; a signer naming
     * none may sign all.
     */
    static void keyUsage(X509Certificate signer, HealthCertificateType type) throws DccException {
        List<String> usages;
        try {
            usages = signer.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new DccException(HealthCertificateReason.KEY_USAGE, "unreadable extended key usage");
        }
        if (usages == null || usages.stream().noneMatch(HealthCertificateType::isDccOid)) {
            return;
        }
        if (usages.stream().noneMatch(type::matchesOid)) {
            throw new DccException(HealthCertificateReason.KEY_USAGE, "signer may not sign " + type);
        }
    }

    static void expiry(CwtClaims claims, Instant now) throws DccException {
        if (claims.expiresAt() == null) {
            throw new DccException(HealthCertificateReason.CWT, "no exp claim");
        }
        if (claims.issuedAt() != null && now.isBefore(claims.issuedAt())) {
            throw new DccException(HealthCertificateReason.NOT_YET_VALID, "issued after the verification time");
        }
        if (now.isAfter(claims.expiresAt())) {
            throw new DccException(HealthCertificateReason.EXPIRED, "expired");
        }
    }
}
