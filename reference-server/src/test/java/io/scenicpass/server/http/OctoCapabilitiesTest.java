package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.OctoSchemas;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /octo/capabilities}: what the server supports, each advertised capability also echoed when asked. */
class OctoCapabilitiesTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        key = ts.channel("ota", 1000, 1000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void listsTheSupportedCapabilitiesAndEchoesEachOfThem() {
        Answer a = ts.get("/octo/capabilities", key);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode c : a.json()) {
            ids.add(c.get("id").asText());
            assertThat(c.get("revision").asInt()).isPositive();
            assertThat(c.get("required").asBoolean()).isFalse();
            assertThat(c.get("dependencies").isArray()).isTrue();
            assertThat(c.get("docs").asText()).isNotBlank();
        }
        assertThat(ids).contains("octo/pricing", "octo/webhooks");
        Answer echoed =
                ts.send("GET", "/octo/capabilities", key, null, Map.of("Octo-Capabilities", String.join(", ", ids)));
        assertThat(echoed.headers().get("octo-capabilities")).isEqualTo(String.join(", ", ids));
        assertThat(ts.get("/octo/capabilities", null).status()).isEqualTo(401);
    }

    @Test
    void theAnswerMatchesOctosPublishedSchema() {
        String why = OctoSchemas.unavailable();
        Assumptions.assumeTrue(why == null, why);
        OctoSchemas schemas = OctoSchemas.create();
        schemas.expect(
                "capabilities",
                "zCapabilitiesGetResponse",
                ts.get("/octo/capabilities", key).json());
        JsonNode result = schemas.check();
        assertThat(result.get("failures")).as(result.toPrettyString()).isEmpty();
        assertThat(result.get("checked").asInt()).isEqualTo(1);
    }
}
