package io.scenicpass.terminal.health;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document signer certificates a gate trusts for health certificates, looked up by key id: the first
 * 8 bytes of the SHA-256 hash of the certificate's DER encoding (the {@code kid} in the COSE header).
 *
 * <p>Immutable and thread-safe. Text form ({@link #parse(String)}): PEM blocks ({@code -----BEGIN
 * CERTIFICATE-----}), or one base64 DER certificate per line; blank lines and lines starting with
 * {@code #} are ignored.
 */
public final class DccTrustList {
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    private final Map<String, X509Certificate> byKid;

    private DccTrustList(Map<String, X509Certificate> byKid) {
        this.byKid = Collections.unmodifiableMap(byKid);
    }

    /** @return a trust list with no certificates (every health certificate is UNKNOWN_SIGNER) */
    public static DccTrustList empty() {
        return new DccTrustList(new LinkedHashMap<>());
    }

    /**
     * @param certificates the signer certificates
     * @return a trust list holding them
     */
    public static DccTrustList of(Collection<X509Certificate> certificates) {
        Map<String, X509Certificate> map = new LinkedHashMap<>();
        for (X509Certificate c : certificates) {
            map.put(hex(keyId(c)), c);
        }
        return new DccTrustList(map);
    }

    /**
     * Parses PEM blocks or one base64 DER certificate per line.
     *
     * @param text the trust list text
     * @return the trust list
     * @throws IllegalArgumentException naming the line of the first certificate that cannot be read
     */
    public static DccTrustList parse(String text) {
        List<X509Certificate> certs = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        StringBuilder pem = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (pem != null) {
                if (line.equals(PEM_END)) {
                    certs.add(decode(pem.toString(), i + 1));
                    pem = null;
                } else {
                    pem.append(line);
                }
            } else if (line.equals(PEM_BEGIN)) {
                pem = new StringBuilder();
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                certs.add(decode(line, i + 1));
            }
        }
        if (pem != null) {
            throw new IllegalArgumentException("unterminated PEM certificate at end of trust list");
        }
        return of(certs);
    }

    /**
     * @param file a trust list file (see {@link #parse(String)})
     * @return the trust list
     * @throws IOException when the file cannot be read
     */
    public static DccTrustList load(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /**
     * @param kid a key id from a COSE header
     * @return the signer certificate with that key id
     */
    public Optional<X509Certificate> find(byte[] kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(hex(kid)));
    }

    /** @return how many certificates the list holds */
    public int size() {
        return byKid.size();
    }

    /**
     * @param certificate a signer certificate
     * @return its key id: the first 8 bytes of SHA-256 over its DER encoding
     */
    public static byte[] keyId(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Arrays.copyOf(digest, 8);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot compute key id", e);
        }
    }

    private static X509Certificate decode(String base64, int line) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("trust list line " + line + ": not an X.509 certificate", e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
