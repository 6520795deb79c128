package io.scenicpass.server.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's content API over real HTTP: round trip, defaults, the audit trail, and bad input refused typed. */
class ContentAdminApiTest {
    static final String OK = "{\"title\":\"Museum\",\"faqs\":[{\"question\":\"Open?\",\"answer\":\"9-17\"}]}";

    @TempDir
    static Path dir;

    static TestServer ts;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("museum", "Asia/Shanghai", LocalTime.of(9, 0), LocalTime.of(17, 0), 60, 100, false, 60, null);
        ts.product("other", "Asia/Shanghai", LocalTime.of(9, 0), LocalTime.of(17, 0), 60, 100, false, 60, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    static Answer send(String method, String path, String json) {
        return ts.send(method, "/admin/v1/products/" + path, TestServer.ADMIN, json, Map.of());
    }

    @Test
    void contentRoundTripsAndEveryChangeIsInTheAuditTrail() {
        Answer put = send("PUT", "museum/content/en", OK.replace("}]}", "}],\"updatedBy\":\"wang\"}"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("default").asBoolean()).isTrue(); // the first language is the default
        assertThat(put.json().get("features")).isEmpty();
        ts.clock.advance(Duration.ofMinutes(1));
        assertThat(send(
                                "PUT",
                                "museum/content/zh-cn",
                                OK.replace("Museum", "博物馆").replace("}]}", "}],\"default\":true}"))
                        .status())
                .isEqualTo(200);
        JsonNode zh = send("GET", "museum/content/zh-CN", null).json();
        assertThat(zh.get("title").asText()).isEqualTo("博物馆");
        assertThat(zh.get("default").asBoolean()).isTrue();
        assertThat(send("GET", "museum/content/en", null)
                        .json()
                        .get("updatedBy")
                        .asText())
                .isEqualTo("wang");

        ts.clock.advance(Duration.ofMinutes(1));
        assertThat(ts.send("DELETE", "/admin/v1/products/museum/content/zh-CN?by=li", TestServer.ADMIN, null, Map.of())
                        .status())
                .isEqualTo(204);
        JsonNode overview = send("GET", "museum/content", null).json();
        assertThat(overview.get("defaultLocale").asText()).isEqualTo("en"); // the default moved on
        assertThat(overview.get("locales").toString()).isEqualTo("[\"en\"]");
        JsonNode history = overview.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("action").asText()).isEqualTo("SET");
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("wang");
        assertThat(history.get(2).get("action").asText()).isEqualTo("DELETE");
        assertThat(history.get(2).get("locale").asText()).isEqualTo("zh-CN");
        assertThat(history.get(2).get("changedBy").asText()).isEqualTo("li");
        assertThat(send("GET", "museum/content/zh-CN", null).status()).isEqualTo(404);
        assertThat(send("DELETE", "museum/content/zh-CN", null).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithATypedErrorNamingTheField() {
        Object[][] cases = {
            {"museum/content/english!", OK, "locale"},
            {"museum/content/en", "{\"title\":\"x\",\"colour\":\"red\"}", "colour"},
            {"museum/content/en", "{\"features\":[{\"type\":\"NICE\",\"shortDescription\":\"x\"}]}", "features[].type"},
            {"museum/content/en", "{\"features\":[{\"type\":\"HIGHLIGHT\"}]}", "features[].shortDescription"},
            {"museum/content/en", "{\"faqs\":[{\"question\":\"q\"}]}", "faqs[].answer"},
            {"museum/content/en", "{\"faqs\":[null]}", "faqs must not contain null"},
            {
                "museum/content/en",
                "{\"media\":[{\"src\":\"cover.png\",\"type\":\"image/png\",\"rel\":\"COVER\"}]}",
                "src"
            },
            {"museum/content/en", "{\"media\":[{\"src\":\"/m.gif\",\"type\":\"image/gif\",\"rel\":\"COVER\"}]}", "type"
            },
            {"museum/content/en", "{\"categoryLabels\":[\"cats\"]}", "categoryLabels"},
            {"museum/content/en", "{\"durationMinutesFrom\":60,\"durationMinutesTo\":30}", "durationMinutesTo"},
            {
                "museum/content/en",
                "{\"locations\":[{\"types\":[\"START\"],\"place\":{\"latitude\":91,\"longitude\":0}}]}",
                "place"
            },
            {"museum/content/en", "{\"commentary\":[{\"format\":\"WRITTEN\",\"language\":\"??\"}]}", "locale"},
            {"museum/content/en", "{\"options\":{\"other-opt\":{}}}", "options.other-opt"},
            {"museum/content/en", "{\"units\":{\"other-adult\":{\"title\":\"x\"}}}", "units.other-adult"},
            {"museum/content/en", "{\"title\":\"" + "x".repeat(201) + "\"}", "title"},
            {"museum/content/en", "[1,2]", ""},
            {"museum/content/en", "{\"title\":", ""},
        };
        for (Object[] c : cases) {
            Answer a = send("PUT", (String) c[0], (String) c[1]);
            assertThat(a.status()).as(c[1] + " → " + a.body()).isEqualTo(400);
            assertThat(a.json().get("code").asText()).as(a.body()).isEqualTo("BAD_REQUEST");
            assertThat(a.json().get("message").asText()).as(a.body()).contains((String) c[2]);
            assertThat(a.body()).doesNotContain("at io.scenicpass", "Exception");
        }
        assertThat(send("PUT", "nope/content/en", OK).status()).isEqualTo(404);
        assertThat(send("GET", "nope/content", null).status()).isEqualTo(404);
        assertThat(ts.send("PUT", "/admin/v1/products/museum/content/en", "wrong", OK, Map.of())
                        .status())
                .isEqualTo(401);
        assertThat(send("GET", "other/content/en", null).status()).isEqualTo(404); // nothing was stored
    }
}
