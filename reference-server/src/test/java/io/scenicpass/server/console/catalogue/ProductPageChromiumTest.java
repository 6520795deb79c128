package io.scenicpass.server.console.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product page in a REAL headless Chromium on a tablet (Playwright, {@link BrowserHarness}) against the real
 * server: a bad amount refused with its code, then the adult price for channel ctrip set in yuan; OCTO availability
 * priced for ctrip shows it while another channel keeps the default. Screenshots in
 * {@code <build dir>/browser/ProductPageChromiumTest/}.
 */
@Tag("slow")
class ProductPageChromiumTest {
    @TempDir
    static Path dir;

    static BrowserHarness browser;
    static TestServer ts;
    static Path out =
            Path.of(System.getProperty("scenicpass.buildDir", "target"), "browser", "ProductPageChromiumTest");

    @BeforeAll
    static void start() {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
    }

    @AfterAll
    static void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void anOperatorChangesAChannelsPriceFromATabletAndOctoShowsIt() throws Exception {
        String ctrip = ts.channel("ctrip", 1000, 1000, null);
        String fliggy = ts.channel("fliggy", 1000, 1000, null);
        assertThat(adultPrice(ctrip)).isEqualTo(10000);

        BrowserRun run = browser.run(
                "console/products.cjs",
                ts.server.baseUrl(),
                out,
                Map.of("password", ConsoleSignIn.adminPassword(ts), "unit", "tour-adult", "channel", "ctrip"));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(r.path("landed").asText()).isEqualTo("/console/catalogue/products/tour");
        assertThat(r.path("refusalCode").asText()).isEqualTo("BAD_REQUEST");
        assertThat(r.path("refusal").asText()).contains("retail must be an amount in yuan");
        assertThat(r.path("done").asText()).isEqualTo("price");
        assertThat(r.path("own").asText()).isEqualTo("true");
        assertThat(r.path("retail").asText()).isEqualTo("88.50");
        assertThat(r.path("pageScrollsSideways").asBoolean()).isFalse();
        assertThat(r.path("gridInScroller").asBoolean()).isTrue();

        assertThat(adultPrice(ctrip)).isEqualTo(8850);
        assertThat(adultPrice(fliggy)).isEqualTo(10000);
    }

    /** The adult unit's retail price on OCTO availability (octo/pricing) for the channel of {@code key}. */
    private static int adultPrice(String key) {
        try (ChannelClient c = ChannelClient.builder()
                .baseUrl(ts.url("/octo"))
                .apiKey(key)
                .capabilities(List.of(OctoCapabilities.PRICING))
                .build()) {
            return c
                    .availability(new AvailabilityRequest()
                            .productId("tour")
                            .optionId("tour-opt")
                            .localDate(LocalDate.of(2026, 6, 2)))
                    .get(0)
                    .getUnitPricing()
                    .stream()
                    .filter(p -> p.getUnitId().equals("tour-adult"))
                    .findFirst()
                    .orElseThrow()
                    .getRetail();
        }
    }
}
