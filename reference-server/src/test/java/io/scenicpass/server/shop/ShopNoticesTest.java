package io.scenicpass.server.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The park's notices an operator posts show on the shop's home page, on their days only, in the page's language. */
class ShopNoticesTest {
    @TempDir
    Path dir;

    @Test
    void aParkingNoticeShowsOnTheHomePageInBothLanguages() {
        try (TestServer ts = TestServer.h2(dir)) {
            PageClient browser = new PageClient(ts.url(""));
            assertThat(browser.get("/shop").body()).doesNotContain("id=\"notices\"");
            TestServer.Answer posted = ts.send(
                    "POST",
                    "/admin/v1/notices",
                    TestServer.ADMIN,
                    "{\"kind\":\"PARKING\",\"severity\":\"WARNING\",\"titleZh\":\"P1 已满\",\"titleEn\":\"P1 full\","
                            + "\"bodyZh\":\"请停 P2\",\"bodyEn\":\"Use P2\",\"from\":\"2026-06-02\","
                            + "\"until\":\"2026-06-02\"}",
                    java.util.Map.of());
            assertThat(posted.status()).isBetween(200, 201);
            assertThat(browser.get("/shop").body()).doesNotContain("P1"); // 1 June: not its day yet
            ts.clock.advance(java.time.Duration.ofDays(1));
            String zh = browser.get("/shop").body();
            assertThat(zh).contains("id=\"notices\"").contains("P1 已满: 请停 P2");
            assertThat(browser.get("/shop?lang=en").body()).contains("P1 full: Use P2");
        }
    }
}
