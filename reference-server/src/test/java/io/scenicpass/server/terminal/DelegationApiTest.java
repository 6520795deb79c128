package io.scenicpass.server.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.Delegation;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.counter.DelegatedSigner;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key delegation through the real routes: the SDK's signer certified, the key set carrying it, listing, revocation. */
class DelegationApiTest {
    /** 2026-06-01 in Shanghai (TestServer.START is 08:00 there): the delegation covers 06-01..06-03. */
    static final Instant VISIT_FROM = Instant.parse("2026-05-31T16:00:00Z");

    @TempDir
    static Path dir;

    static TestServer ts;
    static TerminalHarness th;
    static String channelKey;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir.resolve("server"));
        channelKey = TerminalFixtures.setUp(ts);
        th = new TerminalHarness(ts);
    }

    @AfterAll
    static void stop() {
        th.close();
        ts.close();
    }

    private static KeySet keySet(DeviceCredentials creds) {
        TestServer.Answer a = th.send("GET", "/terminal/v1/keyset", "Device " + creds.deviceToken(), null);
        assertThat(a.status()).isEqualTo(200);
        return SignedKeySet.fromJson(a.body()).verify(ts.server.keys().root().publicKey());
    }

    /** Enrolls a device of {@code role} with the real SDK provisioning. */
    private static DeviceCredentials enroll(Path dir, String role) {
        TestServer.Answer t = th.send(
                "POST",
                "/admin/v1/enrollment-tokens",
                "Bearer " + TestServer.ADMIN,
                "{\"gateId\":\"gate-a\",\"label\":\"counter\",\"role\":\"" + role + "\"}");
        assertThat(t.status()).isEqualTo(201);
        return new Provisioning(new CredentialStore(dir.resolve("device.json")))
                .enroll(t.json().get("enrollmentCode").asText(), role, "SP-TEST");
    }

    private static TestServer.Answer ask(DeviceCredentials creds, String body) {
        return th.send("POST", "/terminal/v1/counter/delegation", "Device " + creds.deviceToken(), body);
    }

    private static Claims claims(DelegatedSigner signer, int serial) {
        return Claims.builder()
                .passId(signer.passId(serial))
                .issuerId("area")
                .productId("tour")
                .validFrom(TerminalFixtures.SLOT_START)
                .validUntil(TerminalFixtures.SLOT_START.plus(Duration.ofHours(2)))
                .issuedAt(ts.clock.instant())
                .build();
    }

    @Test
    void aBoxOfficeKeyIsCertifiedIntoTheKeySetAndRevokedFromIt(@TempDir Path box, @TempDir Path gate) {
        DeviceCredentials boxCreds = enroll(box, "BOX_OFFICE");
        DeviceCredentials gateCreds = th.enroll(gate, "gate-b");
        long before = keySet(gateCreds).sequence();

        DelegatedSigner signer =
                DelegatedSigner.open(box.resolve("signer"), "box office".toCharArray(), ts.clock, new SecureRandom());
        PublicKeyEntry cert = signer.certify(boxCreds, ts.http);
        Delegation d = cert.delegation().orElseThrow();
        assertThat(d.deviceId()).isEqualTo(boxCreds.deviceId());
        assertThat(d.productIds()).containsExactly("tour");
        assertThat(d.visitFrom()).isEqualTo(VISIT_FROM);
        assertThat(d.visitUntil()).isEqualTo(VISIT_FROM.plus(Duration.ofDays(3)));
        assertThat(d.maxPasses()).isEqualTo(500);
        assertThat(cert.validUntil()).isEqualTo(d.visitUntil());

        KeySet set = keySet(gateCreds);
        assertThat(set.sequence()).isGreaterThan(before);
        assertThat(set.find(signer.keyId())).contains(cert);
        assertThat(set.active(ts.clock.instant()).orElseThrow().keyId())
                .isEqualTo(ts.server.keys().active().keyId());
        Pass pass = signer.sign(claims(signer, 1));
        assertThat(new PassVerifier(set)
                        .decodeAndVerify(pass.text(), TerminalFixtures.SLOT_START)
                        .claims()
                        .passId())
                .isEqualTo(signer.passId(1));
        Pass synced = signer.sign(claims(signer, 2));
        syncAsBooking(synced, signer.keyId());

        // asking again (a lost answer) returns the same delegation and does not move the key set
        long seq = keySet(gateCreds).sequence();
        assertThat(signer.certify(boxCreds, ts.http)).isEqualTo(cert);
        assertThat(keySet(gateCreds).sequence()).isEqualTo(seq);

        JsonNode listed = th.admin("GET", "/admin/v1/delegations?deviceId=" + boxCreds.deviceId(), null);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("keyId").asText()).isEqualTo(signer.keyId());
        assertThat(listed.get(0).get("state").asText()).isEqualTo("ACTIVE");

        JsonNode revoked = th.admin(
                "POST", "/admin/v1/delegations/" + signer.keyId() + "/revoke?reason=box%20office%20stolen", null);
        assertThat(revoked.get("state").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedReason").asText()).isEqualTo("box office stolen");
        KeySet after = keySet(gateCreds);
        assertThat(after.sequence()).isGreaterThan(seq);
        assertThatThrownBy(() -> new PassVerifier(after).decodeAndVerify(pass.text(), TerminalFixtures.SLOT_START))
                .isInstanceOfSatisfying(
                        ScenicPassException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_REVOKED));
        // the sale the server already had stays valid
        assertThat(after.find(signer.keyId())
                        .orElseThrow()
                        .delegation()
                        .orElseThrow()
                        .honoured())
                .containsExactly(synced.claims().passId());
        assertThat(new PassVerifier(after).decodeAndVerify(synced.text(), TerminalFixtures.SLOT_START))
                .isNotNull();
        assertThatThrownBy(() -> signer.certify(boxCreds, ts.http))
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.serverCode()).isEqualTo("CONFLICT"));
        // revoking twice answers the same and does not move the key set again
        assertThat(th.admin("POST", "/admin/v1/delegations/" + signer.keyId() + "/revoke", null)
                        .get("revokedReason")
                        .asText())
                .isEqualTo("box office stolen");
        assertThat(keySet(gateCreds).sequence()).isEqualTo(after.sequence());
    }

    /** What the offline-sales sync stores for a box office sale: a booking holding the device's own pass. */
    private static void syncAsBooking(Pass pass, String keyId) {
        String uuid = "synced-" + pass.claims().passId();
        TerminalFixtures.book(ts, channelKey, uuid);
        ts.server.database().tx(c -> {
            new PassStore(ts.server.database().dialect())
                    .insert(
                            c,
                            new PassRecord(
                                    pass.claims().passId(),
                                    uuid,
                                    keyId,
                                    pass.text(),
                                    1,
                                    pass.claims().validFrom(),
                                    pass.claims().validUntil(),
                                    false,
                                    ts.clock.instant()));
            return null;
        });
    }

    @Test
    void onlyABoxOfficeSellsOffline(@TempDir Path gate, @TempDir Path kiosk) {
        String key = "{\"publicKey\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}";
        TestServer.Answer byGate = ask(th.enroll(gate, "gate-b"), key);
        assertThat(byGate.status()).isEqualTo(403);
        assertThat(byGate.json().get("code").asText()).isEqualTo("NOT_A_SELLER");
        TestServer.Answer byKiosk = ask(enroll(kiosk, "KIOSK"), key);
        assertThat(byKiosk.status()).isEqualTo(403);
        assertThat(byKiosk.json().get("code").asText()).isEqualTo("BOX_OFFICE_ONLY");
    }

    @Test
    void badRequestsGetATypedErrorNeverA500(@TempDir Path box) {
        DeviceCredentials creds = enroll(box, "BOX_OFFICE");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(ask(creds, "{\"publicKey\":\"abc\"}").json().get("code").asText())
                .isEqualTo("BAD_REQUEST");
        assertThat(ask(creds, "{}").status()).isEqualTo(400);
        assertThat(ask(creds, "{\"publicKey\":\"" + key + "\",\"productIds\":[\"nope\"]}")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("INVALID_PRODUCT_ID");
        TestServer.Answer days = ask(creds, "{\"publicKey\":\"" + key + "\",\"days\":9}");
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.json().get("message").asText()).contains("days must be 1..3");
        assertThat(ask(creds, "{\"publicKey\":\"" + key + "\",\"maxPasses\":0}").status())
                .isEqualTo(400);
        assertThat(th.send("POST", "/terminal/v1/counter/delegation", null, "{\"publicKey\":\"" + key + "\"}")
                        .status())
                .isEqualTo(401);
        assertThat(th.send("GET", "/admin/v1/delegations", null, null).status()).isEqualTo(401);
        TestServer.Answer unknown =
                th.send("POST", "/admin/v1/delegations/00000000/revoke", "Bearer " + TestServer.ADMIN, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(th.send("GET", "/admin/v1/delegations?limit=0", "Bearer " + TestServer.ADMIN, null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anExpiredDelegationLeavesTheKeySetAndCannotBeRenewed(@TempDir Path box, @TempDir Path gate) {
        DeviceCredentials boxCreds = enroll(box, "BOX_OFFICE");
        DeviceCredentials gateCreds = th.enroll(gate, "gate-b");
        DelegatedSigner signer =
                DelegatedSigner.open(box.resolve("signer"), "box office".toCharArray(), ts.clock, new SecureRandom());
        String body = "{\"publicKey\":\"" + Base64.getEncoder().encodeToString(signer.publicKey())
                + "\",\"productIds\":[\"tour\"],\"days\":1,\"maxPasses\":20}";
        assertThat(ask(boxCreds, body).json().get("delegation").get("maxPasses").asInt())
                .isEqualTo(20);
        Instant start = ts.clock.instant();
        try {
            ts.clock.set(VISIT_FROM.plus(Duration.ofDays(1)));
            assertThat(keySet(gateCreds).find(signer.keyId())).isEmpty();
            assertThat(ask(boxCreds, body).status()).isEqualTo(409);
            assertThat(th.admin("GET", "/admin/v1/delegations?deviceId=" + boxCreds.deviceId(), null)
                            .get(0)
                            .get("state")
                            .asText())
                    .isEqualTo("EXPIRED");
        } finally {
            ts.clock.set(start);
        }
    }
}
