package io.scenicpass.terminal.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.TestClock;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AnnualPassDesk} against the activation route's wire contract (a scripted server). */
class AnnualPassDeskTest {
    static final byte[] FACE = {1, 2, 3, 4, 5, 6, 7, 8};
    static final Holder HOLDER = Holder.of(DocumentType.CN_ID, "11010519491231002X", "张三", null);

    private final MockWebServer server = new MockWebServer();
    private final TestClock clock = new TestClock(Instant.parse("2026-06-02T02:00:00Z"));
    private AnnualPassDesk desk;

    @BeforeEach
    void start() throws Exception {
        server.start();
        String url = server.url("/").toString();
        DeviceCredentials creds = new DeviceCredentials(
                url.substring(0, url.length() - 1), "kiosk-1", "tok-1", "area-1", null, new byte[32]);
        desk = AnnualPassDesk.of(creds, null, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsThePassTheDocumentAndTheFaceWithItsLivenessAndReadsTheActivatedPass() throws Exception {
        enqueue(
                200,
                "{\"annualPassId\":\"sold-1\",\"passId\":\"new-1\",\"passText\":\"SP1.new\",\"productId\":\"annual\","
                        + "\"state\":\"ACTIVE\",\"validFrom\":\"2026-06-01T16:00:00Z\","
                        + "\"validUntil\":\"2027-06-01T16:00:00Z\",\"holder\":\"张* 1****X\",\"enrolment\":\"KIOSK\"}");

        AnnualPassActivation a = desk.activate(
                "req-1",
                " SP1.sold \n",
                HOLDER,
                new BiometricTemplate(BiometricModality.FACE, FACE, Liveness.passed(0.97)));

        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/terminal/v1/annual-passes/activate");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Device tok-1");
        JsonNode body = WireJson.mapper().readTree(r.getBody().utf8());
        assertThat(body.get("requestId").asText()).isEqualTo("req-1");
        assertThat(body.get("pass").asText()).isEqualTo("SP1.sold");
        assertThat(body.get("holder").get("type").asText()).isEqualTo("CN_ID");
        assertThat(body.get("holder").get("number").asText()).isEqualTo("11010519491231002X");
        assertThat(body.get("holder").get("name").asText()).isEqualTo("张三");
        assertThat(body.get("face").get("template").asText()).isEqualTo("AQIDBAUGBwg=");
        assertThat(body.get("face").get("liveness").asText()).isEqualTo("PASSED");
        assertThat(body.get("face").get("livenessScore").asDouble()).isEqualTo(0.97);
        assertThat(a.passText()).isEqualTo("SP1.new");
        assertThat(a.passId()).isEqualTo("new-1");
        assertThat(a.annualPassId()).isEqualTo("sold-1");
        assertThat(a.validFrom()).isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
        assertThat(a.validUntil()).isEqualTo(Instant.parse("2027-06-01T16:00:00Z"));
        assertThat(a.enrolment()).isEqualTo("KIOSK");
        assertThat(a.toString()).doesNotContain("SP1.new");
    }

    @Test
    void aSampleWithoutLivenessIsSentAsUnknownAndTheServersRefusalKeepsItsCode() throws Exception {
        enqueue(422, "{\"code\":\"LIVENESS_MISSING\",\"message\":\"no liveness verdict\"}");

        assertThatThrownBy(() ->
                        desk.activate("req-2", "SP1.sold", HOLDER, new BiometricTemplate(BiometricModality.FACE, FACE)))
                .isInstanceOfSatisfying(SyncException.class, e -> {
                    assertThat(e.serverCode()).isEqualTo("LIVENESS_MISSING");
                    assertThat(e.httpStatus()).isEqualTo(422);
                });
        JsonNode body =
                WireJson.mapper().readTree(server.takeRequest().getBody().utf8());
        assertThat(body.get("face").get("liveness").asText()).isEqualTo("UNKNOWN");
        assertThat(body.get("face").has("livenessScore")).isFalse();
    }

    @Test
    void anUnreadableAnswerIsABadResponseAndWrongInputsAreRefusedBeforeSending() {
        enqueue(200, "{\"passId\":\"x\"}");
        assertThatThrownBy(() -> desk.activate(
                        "req-3",
                        "SP1.sold",
                        HOLDER,
                        new BiometricTemplate(BiometricModality.FACE, FACE, Liveness.passed(1))))
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.code()).isEqualTo(SyncErrorCode.BAD_RESPONSE));

        ScannedCredential qr = ScannedCredential.of(CredentialKind.QR, "SP1.other", "scanner", clock.instant());
        BiometricTemplate face = new BiometricTemplate(BiometricModality.FACE, FACE, Liveness.passed(1));
        assertThatThrownBy(() -> desk.activate("req-4", "SP1.sold", qr, face))
                .isInstanceOf(IllegalArgumentException.class);
        BiometricTemplate palm = new BiometricTemplate(BiometricModality.PALM, FACE, Liveness.passed(1));
        assertThatThrownBy(() -> desk.activate("req-5", "SP1.sold", HOLDER, palm))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(AnnualPassDesk.newRequestId()).isNotEqualTo(AnnualPassDesk.newRequestId());
    }

    private void enqueue(int code, String json) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }
}
