package io.scenicpass.server.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content on PostgreSQL (production mode): set on one node, read in both languages on the other, the audit shared. */
@Tag("slow")
class ContentPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("ContentPostgresTest");
    }

    @Test
    void contentSetOnOneNodeIsServedByTheOther() {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            a.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
            String key = a.channel("ota", 1000, 1000, null);
            for (String[] l :
                    new String[][] {{"zh-CN", "黄山一日游", "成人", "需要打印门票吗？"}, {"en", "Huangshan", "Adult", "Print?"}}) {
                TestServer.Answer put = a.send(
                        "PUT",
                        "/admin/v1/products/tour/content/" + l[0],
                        TestServer.ADMIN,
                        OctoContentTest.doc(l[1], l[2], l[3]),
                        Map.of());
                assertThat(put.status()).as(put.body()).isEqualTo(200);
            }
            TestServer.Answer en = b.send(
                    "GET",
                    "/octo/products/tour",
                    key,
                    null,
                    Map.of("Octo-Capabilities", "octo/content", "Accept-Language", "en"));
            assertThat(en.headers()).containsEntry("content-language", "en");
            assertThat(en.json().get("title").asText()).isEqualTo("Huangshan");
            assertThat(en.json().get("faqs").get(0).get("question").asText()).isEqualTo("Print?");
            assertThat(en.json()
                            .get("locations")
                            .get(0)
                            .get("place")
                            .get("latitude")
                            .asDouble())
                    .isEqualTo(30.07);
            TestServer.Answer zh = b.send(
                    "GET",
                    "/octo/products/tour",
                    key,
                    null,
                    Map.of("Octo-Capabilities", "octo/content", "Accept-Language", "zh"));
            assertThat(zh.json().get("title").asText()).isEqualTo("黄山一日游");
            assertThat(b.send("DELETE", "/admin/v1/products/tour/content/zh-CN", TestServer.ADMIN, null, Map.of())
                            .status())
                    .isEqualTo(204);
            TestServer.Answer overview =
                    a.send("GET", "/admin/v1/products/tour/content", TestServer.ADMIN, null, Map.of());
            assertThat(overview.json().get("defaultLocale").asText()).isEqualTo("en");
            assertThat(overview.json().get("history")).hasSize(3);
        }
    }
}
