package io.scenicpass.terminal.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.Claims;
import io.scenicpass.core.Delegation;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The box office's key: generated and kept on the device, certified by the server, signing only within scope. */
class DelegatedSignerTest {
    static final Instant NOW = Instant.parse("2026-07-01T02:00:00Z");
    static final Instant DAY = Instant.parse("2026-06-30T16:00:00Z");
    static final char[] PASSPHRASE = "box office 1".toCharArray();

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeviceCredentials creds() {
        String url = server.url("/").toString();
        return new DeviceCredentials(
                url.substring(0, url.length() - 1), "box-1", "token-1", "area-1", null, new byte[32]);
    }

    private DelegatedSigner open() {
        return DelegatedSigner.open(dir, PASSPHRASE, clock, new SecureRandom());
    }

    private PublicKeyEntry certificate(DelegatedSigner s, String deviceId) {
        Delegation d = Delegation.of(deviceId, Arrays.asList("DAY-ADULT"), DAY, DAY.plus(Duration.ofDays(3)), 2);
        return PublicKeyEntry.delegated(s.publicKey(), NOW.minusSeconds(60), DAY.plus(Duration.ofDays(3)), d);
    }

    private void answer(PublicKeyEntry entry) throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(WireJson.mapper().writeValueAsString(entry))
                .build());
    }

    private Claims.Builder claims(DelegatedSigner s, int serial) {
        return Claims.builder()
                .passId(s.passId(serial))
                .issuerId("area-1")
                .productId("DAY-ADULT")
                .validFrom(DAY)
                .validUntil(DAY.plus(Duration.ofDays(1)))
                .issuedAt(NOW);
    }

    @Test
    void theKeyIsGeneratedOnceKeptOwnerOnlyAndTheServerSeesOnlyItsPublicHalf() throws Exception {
        DelegatedSigner s = open();
        Path keyFile = dir.resolve(DelegatedSigner.KEY_FILE);
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                    .isEqualTo("rw-------");
        }
        answer(certificate(s, "box-1"));
        s.certify(creds(), http);
        RecordedRequest r = server.takeRequest();
        assertThat(r.getTarget()).isEqualTo("/terminal/v1/counter/delegation");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Device token-1");
        Map<String, Object> body = WireJson.mapper()
                .readValue(
                        r.getBody().utf8(),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(body.keySet()).containsExactly("publicKey");
        assertThat(Base64.getDecoder().decode((String) body.get("publicKey"))).isEqualTo(s.publicKey());

        DelegatedSigner again = open();
        assertThat(again.keyId()).isEqualTo(s.keyId());
        assertThat(again.delegation()).isEqualTo(s.delegation()).isPresent();
        assertThatThrownBy(() -> DelegatedSigner.open(dir, "wrong".toCharArray(), clock, new SecureRandom()))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PASSPHRASE));
    }

    @Test
    void itSignsPassesTheKeySetVerifiesOnlyWithinScope() throws Exception {
        DelegatedSigner s = open();
        assertCode(() -> s.sign(claims(s, 1).build()), ErrorCode.UNKNOWN_KEY);
        PublicKeyEntry cert = certificate(s, "box-1");
        answer(cert);
        s.certify(creds(), http);

        Pass p = s.sign(claims(s, 1).build());
        IssuerKey issuer = IssuerKey.generate(new SecureRandom());
        KeySet set = KeySet.of(
                3, NOW, Arrays.asList(issuer.toPublicEntry(NOW, NOW.plus(Duration.ofDays(9)), KeyStatus.ACTIVE), cert));
        assertThat(new PassVerifier(set).decodeAndVerify(p.text(), NOW).claims().passId())
                .isEqualTo(s.passId(1));
        assertCode(() -> s.sign(claims(s, 3).build()), ErrorCode.DELEGATION_OUT_OF_SCOPE);
        assertCode(() -> s.sign(claims(s, 2).productId("CABLE").build()), ErrorCode.DELEGATION_OUT_OF_SCOPE);
        DelegatedSigner later = DelegatedSigner.open(
                dir, PASSPHRASE, Clock.fixed(DAY.plus(Duration.ofDays(3)), ZoneOffset.UTC), new SecureRandom());
        assertCode(() -> later.sign(claims(later, 2).build()), ErrorCode.DELEGATION_EXPIRED);
    }

    @Test
    void aCertificateForAnotherDeviceOrAnErrorIsRefused() throws Exception {
        DelegatedSigner s = open();
        answer(certificate(s, "box-2"));
        assertThatThrownBy(() -> s.certify(creds(), http))
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.code()).isEqualTo(SyncErrorCode.BAD_RESPONSE));
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"code\":\"BOX_OFFICE_ONLY\",\"message\":\"only a box office\"}")
                .build());
        assertThatThrownBy(() -> s.certify(creds(), http))
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.serverCode()).isEqualTo("BOX_OFFICE_ONLY"));
        assertThat(s.certificate()).isEmpty();
        assertThat(Files.exists(dir.resolve(DelegatedSigner.CERTIFICATE_FILE))).isFalse();
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
