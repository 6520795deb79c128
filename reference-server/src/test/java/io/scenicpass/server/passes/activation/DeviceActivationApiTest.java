package io.scenicpass.server.passes.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /terminal/v1/annual-passes/activate} on the real server: a kiosk activates an annual pass sold through
 * OCTO with the holder's document and face (bound to the new pass, enrolment KIOSK), a retry answers the same, and
 * every refusal is typed: liveness failed or missing, unknown pass, already active, frozen, wrong area, past the
 * deadline, another holder's real-name pass; a gate activates as GATE.
 */
class DeviceActivationApiTest {
    static final String ROUTE = "/terminal/v1/annual-passes/activate";
    static final String TEMPLATE = "AAECAwQFBgcICQoLDA0ODw==";
    static final String HOLDER = "{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"}";

    @TempDir
    Path dir;

    static String body(String requestId, String pass, String holder, String liveness) {
        return "{\"requestId\":\"" + requestId + "\",\"pass\":\"" + pass + "\",\"holder\":" + holder
                + ",\"face\":{\"template\":\"" + TEMPLATE + "\""
                + (liveness == null ? "" : ",\"liveness\":\"" + liveness + "\",\"livenessScore\":0.97") + "}}";
    }

    @Test
    void aKioskActivatesWithTheDocumentAndFaceAndARetryAnswersTheSame() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassFixtures.book(ts, key, "k1", "annual", PassFixtures.DAY1);
            DeviceCredentials kiosk = enroll(ts, "kiosk-1", "park", "KIOSK");
            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z"));

            Answer a = send(ts, kiosk, body("req-1", sold, HOLDER, "PASSED"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            JsonNode p = a.json();
            assertThat(p.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(p.get("enrolment").asText()).isEqualTo("KIOSK");
            assertThat(p.get("annualPassId").asText())
                    .isEqualTo(PassCodec.decode(sold).claims().passId());
            assertThat(p.get("validFrom").asText()).isEqualTo("2026-06-01T16:00:00Z"); // local midnight, Shanghai
            assertThat(p.get("validUntil").asText()).isEqualTo("2027-06-01T16:00:00Z");
            assertThat(p.get("holder").asText())
                    .doesNotContain("11010519491231002X")
                    .doesNotContain("张三");
            String passId = p.get("passId").asText();
            assertThat(PassCodec.decode(p.get("passText").asText()).claims().passId())
                    .isEqualTo(passId);
            JsonNode face = ts.get("/admin/v1/identity/faces/" + passId, TestServer.ADMIN)
                    .json();
            assertThat(face.get("source").asText()).isEqualTo("KIOSK");

            // the kiosk did not hear the answer and sends the same request again: the same pass, nothing new
            Answer again = send(ts, kiosk, body("req-1", sold, HOLDER, "PASSED"));
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("passId").asText()).isEqualTo(passId);
            assertThat(again.json().get("passText").asText())
                    .isEqualTo(p.get("passText").asText());
            // the same request id for another body, and a new request for the active pass
            String other = IdentityFixture.identity("CN_ID", IdentityFixture.cnId("19900101", "123"), "李四", null);
            assertCode(send(ts, kiosk, body("req-1", sold, other, "PASSED")), 409, "CONFLICT");
            assertCode(send(ts, kiosk, body("req-2", sold, HOLDER, "PASSED")), 409, "ALREADY_ACTIVE");
            assertCode(
                    send(ts, kiosk, body("req-3", p.get("passText").asText(), HOLDER, "PASSED")),
                    409,
                    "ALREADY_ACTIVE");

            // frozen by the operator: the holder is told to appeal
            assertThat(ts.send(
                                    "POST",
                                    "/admin/v1/annual-passes/" + passId + "/freeze",
                                    TestServer.ADMIN,
                                    "{\"reason\":\"lent\"}",
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            assertCode(
                    send(ts, kiosk, body("req-4", p.get("passText").asText(), HOLDER, "PASSED")), 409, "PASS_FROZEN");
        }
    }

    @Test
    void refusalsAreTypedAndLeaveThePassSold() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassFixtures.book(ts, key, "r1", "annual", PassFixtures.DAY1);
            String late = PassFixtures.book(ts, key, "r2", "annual", PassFixtures.DAY1);
            ts.server.admin().putZone(new SiteStore.Zone("museum", "Museum"));
            DeviceCredentials kiosk = enroll(ts, "kiosk-1", "park", "KIOSK");
            DeviceCredentials museum = enroll(ts, "kiosk-m", "museum", "KIOSK");
            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z"));

            assertCode(send(ts, kiosk, body("a", sold, HOLDER, "FAILED")), 422, "LIVENESS_FAILED");
            assertCode(send(ts, kiosk, body("b", sold, HOLDER, null)), 422, "LIVENESS_MISSING");
            assertCode(send(ts, kiosk, body("c", sold, HOLDER, "UNKNOWN")), 422, "LIVENESS_MISSING");
            assertCode(send(ts, kiosk, body("d", "not a pass", HOLDER, "PASSED")), 404, "PASS_UNKNOWN");
            String tampered = sold.substring(0, sold.length() - 3) + (sold.endsWith("A") ? "BBB" : "AAA");
            assertCode(send(ts, kiosk, body("e", tampered, HOLDER, "PASSED")), 404, "PASS_UNKNOWN");
            assertCode(send(ts, museum, body("f", sold, HOLDER, "PASSED")), 409, "WRONG_AREA");
            assertCode(
                    send(
                            ts,
                            kiosk,
                            body("g", sold, "{\"type\":\"CN_ID\",\"number\":\"123\",\"name\":\"x\"}", "PASSED")),
                    400,
                    "BAD_REQUEST");
            assertCode(
                    send(ts, kiosk, "{\"requestId\":\"h\",\"pass\":\"" + sold + "\",\"holder\":" + HOLDER + "}"),
                    400,
                    "BAD_REQUEST");
            assertCode(send(ts, kiosk, "{}"), 400, "BAD_REQUEST");
            Answer anonymous = ts.send("POST", ROUTE, null, body("i", sold, HOLDER, "PASSED"), Map.of());
            assertThat(anonymous.status()).isEqualTo(401);
            String id = PassCodec.decode(sold).claims().passId();
            assertThat(ts.get("/admin/v1/annual-passes/" + id, TestServer.ADMIN)
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("SOLD");

            // the activation period (90 days) is over
            ts.clock.set(Instant.parse("2026-09-01T02:00:00Z"));
            assertCode(send(ts, kiosk, body("j", late, HOLDER, "PASSED")), 409, "ACTIVATION_DEADLINE_PASSED");
        }
    }

    @Test
    void aRealNamePassIsActivatedByItsHolderOnlyAndAGateActivatesAsGate() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "named", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS, true);
            // one booking, two real-name annual passes: each is its own holder's
            String holder = IdentityFixture.identity("CN_ID", IdentityFixture.cnId("19900101", "123"), "李四", null);
            String partner = IdentityFixture.identity("CN_ID", IdentityFixture.cnId("19920202", "456"), "王五", null);
            Answer held = ts.post(
                    "/octo/bookings",
                    key,
                    IdentityFixture.reserve(
                            "n1", "named", PassFixtures.DAY1, "named-adult=" + holder, "named-adult=" + partner));
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            Answer ok = ts.post("/octo/bookings/n1/confirm", key, "{}");
            String sold = ok.json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
            DeviceCredentials gate = enroll(ts, "gate-9", "park", "GATE");
            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z"));

            assertCode(send(ts, gate, body("x1", sold, HOLDER, "PASSED")), 409, "DOCUMENT_MISMATCH");
            assertCode(send(ts, gate, body("x3", sold, partner, "PASSED")), 409, "DOCUMENT_MISMATCH");
            Answer a = send(ts, gate, body("x2", sold, holder, "PASSED"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().get("enrolment").asText()).isEqualTo("GATE");
        }
    }

    static void assertCode(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json().get("code").asText()).as(a.body()).isEqualTo(code);
        assertThat(a.json().get("message").asText()).isNotBlank();
    }

    private static Answer send(TestServer ts, DeviceCredentials d, String json) {
        return ts.send("POST", ROUTE, null, json, Map.of("Authorization", "Device " + d.deviceToken()));
    }

    /** A device of {@code role} at a new gate {@code gateId} of {@code zone}. */
    private DeviceCredentials enroll(TestServer ts, String gateId, String zone, String role) {
        ts.server.admin().putGate(new SiteStore.Gate(gateId, "Visitor centre", zone, "IN"));
        Answer t = ts.post(
                "/admin/v1/enrollment-tokens",
                TestServer.ADMIN,
                "{\"gateId\":\"" + gateId + "\",\"label\":\"desk\",\"role\":\"" + role + "\"}");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return new Provisioning(new CredentialStore(dir.resolve(gateId + ".json")))
                .serverUrl(ts.server.baseUrl())
                .enroll(t.json().get("token").asText(), role.toLowerCase(Locale.ROOT) + " " + gateId, "SP-" + role);
    }
}
