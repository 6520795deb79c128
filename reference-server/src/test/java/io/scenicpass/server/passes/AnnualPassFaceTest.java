package io.scenicpass.server.passes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face of an annual pass (issue #23) through the real admin API: captured before activation (a reference), bound
 * to the pass the activation signs, moved to the renewed pass, its retention started by a refund; an unknown capture
 * reference refuses the activation and changes nothing.
 */
class AnnualPassFaceTest {
    static final String TEMPLATE = "AAECAwQFBgcICQoLDA0ODw==";

    @TempDir
    Path dir;

    static String holder(String reference) {
        return "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"},"
                + "\"enrolment\":{\"source\":\"KIOSK\",\"reference\":\"" + reference + "\"}}";
    }

    static TestServer.Answer send(TestServer ts, String method, String path, String body) {
        return ts.send(method, path, TestServer.ADMIN, body, Map.of());
    }

    @Test
    void activationWithACapturedFaceBindsItToThePassAndRenewalAndRefundFollow() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassCodec.decode(PassFixtures.book(ts, key, "f1", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();
            String other = PassCodec.decode(PassFixtures.book(ts, key, "f2", "annual", PassFixtures.DAY1))
                    .claims()
                    .passId();
            ts.clock.set(Instant.parse("2026-06-02T02:00:00Z"));

            TestServer.Answer captured = send(
                    ts,
                    "POST",
                    "/admin/v1/identity/face-captures",
                    "{\"template\":\"" + TEMPLATE + "\",\"source\":\"KIOSK\"}");
            assertThat(captured.status()).as(captured.body()).isEqualTo(201);
            String reference = captured.json().get("reference").asText();
            assertThat(reference).startsWith("fcap_");

            // a reference nobody captured: the activation is refused and the pass stays sold
            TestServer.Answer unknown =
                    send(ts, "POST", "/admin/v1/annual-passes/" + other + "/activate", holder("fcap_nope"));
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
            assertThat(ts.get("/admin/v1/annual-passes/" + other, TestServer.ADMIN)
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("SOLD");

            JsonNode active = send(ts, "POST", "/admin/v1/annual-passes/" + sold + "/activate", holder(reference))
                    .json();
            String passId = active.get("passId").asText();
            JsonNode face = ts.get("/admin/v1/identity/faces/" + passId, TestServer.ADMIN)
                    .json();
            assertThat(face.get("source").asText()).isEqualTo("KIOSK");
            assertThat(face.get("subjectId").asText()).isEqualTo("face-" + passId);
            // a capture binds once
            assertThat(send(ts, "POST", "/admin/v1/annual-passes/" + other + "/activate", holder(reference))
                            .status())
                    .isEqualTo(400);

            String renewed = send(ts, "POST", "/admin/v1/annual-passes/" + sold + "/renew", "{\"price\":28000}")
                    .json()
                    .get("passId")
                    .asText();
            assertThat(ts.get("/admin/v1/identity/faces/" + renewed, TestServer.ADMIN)
                            .json()
                            .get("source")
                            .asText())
                    .isEqualTo("KIOSK");
            assertThat(ts.get("/admin/v1/identity/faces/" + passId, TestServer.ADMIN)
                            .status())
                    .isEqualTo(404);

            ts.clock.set(Instant.parse("2026-09-15T02:00:00Z"));
            assertThat(send(ts, "POST", "/admin/v1/annual-passes/" + sold + "/refund", "{}")
                            .status())
                    .isEqualTo(200);
            Instant deleteAfter = Instant.parse(ts.get("/admin/v1/identity/faces/" + renewed, TestServer.ADMIN)
                    .json()
                    .get("deleteAfter")
                    .asText());
            assertThat(deleteAfter).isEqualTo(ts.clock.instant().plus(Duration.ofDays(30)));
        }
    }
}
