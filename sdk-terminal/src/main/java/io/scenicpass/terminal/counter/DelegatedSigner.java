package io.scenicpass.terminal.counter;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Delegation;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.sync.ConnectivityMonitor;
import io.scenicpass.terminal.internal.sync.OwnerOnlyFiles;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.ServerClock;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * The box office's delegated signing key: an Ed25519 key pair generated on the device (the private key never leaves
 * it: {@value #KEY_FILE}, encrypted PKCS#8, owner-only 0600 like the device credentials), certified by the server
 * ({@code POST /terminal/v1/counter/delegation}, answered with the key's entry in the signed key set, kept in
 * {@value #CERTIFICATE_FILE}), and signing passes under that key only within the delegation's scope and validity.
 * Thread-safe.
 */
public final class DelegatedSigner implements PassSigner {
    /** The encrypted private key in the signer's directory. */
    public static final String KEY_FILE = "delegated-key.pem";
    /** The certified key entry (public: validity and scope) in the signer's directory. */
    public static final String CERTIFICATE_FILE = "delegation.json";

    private final Path dir;
    private final Clock clock;
    private final IssuerKey key;
    private final PassIssuer issuer;
    private volatile PublicKeyEntry certificate;

    private DelegatedSigner(Path dir, Clock clock, IssuerKey key, PublicKeyEntry certificate) {
        this.dir = dir;
        this.clock = clock;
        this.key = key;
        this.issuer = new PassIssuer(key);
        this.certificate = certificate;
    }

    /**
     * Opens the signer kept in {@code dir}, generating its key pair on first use.
     *
     * @param passphrase encrypts the private key file (not empty; e.g. from the device's key store). Not cleared: the
     *     caller owns it.
     * @throws UncheckedIOException when the files cannot be read or written
     * @throws ScenicPassException BAD_PASSPHRASE when the key file does not decrypt
     */
    public static DelegatedSigner open(Path dir, char[] passphrase, Clock clock, SecureRandom random) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the delegated key needs a passphrase");
        }
        Path keyFile = dir.resolve(KEY_FILE);
        try {
            if (!Files.exists(keyFile)) {
                IssuerKey fresh = IssuerKey.generate(random);
                OwnerOnlyFiles.write(keyFile, fresh.toEncryptedPem(passphrase).getBytes(StandardCharsets.US_ASCII));
                Files.deleteIfExists(dir.resolve(CERTIFICATE_FILE)); // a certificate of an older key
                return new DelegatedSigner(dir, clock, fresh, null);
            }
            IssuerKey key = IssuerKey.fromEncryptedPem(
                    new String(Files.readAllBytes(keyFile), StandardCharsets.US_ASCII), passphrase);
            Path certFile = dir.resolve(CERTIFICATE_FILE);
            PublicKeyEntry cert = null;
            if (Files.exists(certFile)) {
                cert = WireJson.mapper().readValue(Files.readAllBytes(certFile), PublicKeyEntry.class);
                if (!cert.keyId().equals(key.keyId())) {
                    cert = null; // not this key's: certify again
                }
            }
            return new DelegatedSigner(dir, clock, key, cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the delegated key in " + dir, e);
        }
    }

    /** The raw 32-byte Ed25519 public key the server certifies. */
    public byte[] publicKey() {
        return key.publicKey();
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    /** The key's certified entry (validity, scope), empty until {@link #certify} succeeded. */
    public Optional<PublicKeyEntry> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** The scope of the delegation, empty until certified. */
    public Optional<Delegation> delegation() {
        return certificate().flatMap(PublicKeyEntry::delegation);
    }

    /**
     * Asks the server to certify this key for the device of {@code credentials} (a BOX_OFFICE device); the server
     * answers with the key's entry in the key set, which gates receive with their next key-set sync. Asking again for
     * a certified key returns the same certificate.
     *
     * @throws SyncException on a network failure, UNAUTHORIZED for a device that may not sell offline, REJECTED when
     *     the server refuses (e.g. the key was revoked: open a new signer directory), BAD_RESPONSE when the answer is
     *     not a delegation of this very key
     */
    public PublicKeyEntry certify(DeviceCredentials credentials, OkHttpClient http) {
        TerminalApi api = new TerminalApi(
                http,
                credentials.serverUrl(),
                credentials.deviceToken(),
                clock,
                ServerClock.IGNORE,
                new ConnectivityMonitor(1, Duration.ofDays(1), (a, b) -> {}));
        Map<String, String> body =
                Collections.singletonMap("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
        PublicKeyEntry entry = api.post(api.url("counter/delegation").build(), body, false, PublicKeyEntry.class, null);
        if (!entry.keyId().equals(key.keyId())
                || !Arrays.equals(entry.publicKey(), key.publicKey())
                || !entry.delegation().isPresent()
                || !entry.delegation().get().deviceId().equals(credentials.deviceId())) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "the server certified another key or device");
        }
        try {
            OwnerOnlyFiles.write(
                    dir.resolve(CERTIFICATE_FILE), WireJson.mapper().writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the delegation certificate in " + dir, e);
        }
        certificate = entry;
        return entry;
    }

    @Override
    public String passId(int serial) {
        return Delegation.passId(key.keyId(), serial);
    }

    /**
     * Signs claims within the delegation: plain ids (no pass codes), a pass id of {@link #passId(int)}, a product and
     * validity in scope, now within the key's validity.
     *
     * @throws ScenicPassException UNKNOWN_KEY before certification, DELEGATION_EXPIRED outside the key's validity,
     *     DELEGATION_OUT_OF_SCOPE for claims the gates would refuse
     */
    @Override
    public Pass sign(Claims claims) {
        PublicKeyEntry cert = certificate;
        if (cert == null || !cert.delegation().isPresent()) {
            throw new ScenicPassException(ErrorCode.UNKNOWN_KEY, "the delegated key " + keyId() + " is not certified");
        }
        Instant now = clock.instant();
        if (now.isBefore(cert.validFrom()) || !now.isBefore(cert.validUntil())) {
            throw new ScenicPassException(
                    ErrorCode.DELEGATION_EXPIRED,
                    "the delegated key is valid " + cert.validFrom() + ".." + cert.validUntil());
        }
        Objects.requireNonNull(claims, "claims");
        cert.delegation().get().outOfScope(key.keyId(), claims).ifPresent(why -> {
            throw new ScenicPassException(ErrorCode.DELEGATION_OUT_OF_SCOPE, why);
        });
        return issuer.issue(claims);
    }

    @Override
    public String toString() {
        return "DelegatedSigner{keyId=" + key.keyId() + ", certified=" + (certificate != null) + "}";
    }
}
