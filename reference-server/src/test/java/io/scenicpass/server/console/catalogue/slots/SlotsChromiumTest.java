package io.scenicpass.server.console.catalogue.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slots calendar in a REAL headless Chromium on a tablet-sized screen: the operator opens the month, clicks
 * tomorrow and closes the whole day; OCTO availability for tomorrow is then CLOSED with no vacancy. Screenshots in
 * {@code <build dir>/browser/SlotsChromiumTest/}.
 */
@Tag("slow")
class SlotsChromiumTest {
    @TempDir
    static Path dir;

    static BrowserHarness browser;
    static TestServer ts;
    static Path out = Path.of(System.getProperty("scenicpass.buildDir", "target"), "browser", "SlotsChromiumTest");

    @BeforeAll
    static void start() {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 0, null);
    }

    @AfterAll
    static void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void closingTomorrowFromTheCalendarClosesItForResellers() throws Exception {
        OctoProbe octo = new OctoProbe(ts, ts.channel("ota", 1000, 1000, null));
        assertThat(octo.dayStatus("tour", "2026-06-02")).isEqualTo("AVAILABLE");
        BrowserRun run = browser.run(
                "console/catalogue/slots.cjs",
                ts.server.baseUrl(),
                out,
                Map.of("password", ConsoleSignIn.adminPassword(ts), "day", "2026-06-02"));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(r.path("slotsShown").asInt()).isEqualTo(5);
        assertThat(r.path("done").asText()).isEqualTo("dayClosed");
        assertThat(r.path("state").asText()).isEqualTo("closed");
        assertThat(r.path("closedSlots").asInt()).isEqualTo(5);
        assertThat(octo.dayStatus("tour", "2026-06-02")).isEqualTo("CLOSED");
        assertThat(octo.starts("tour", "2026-06-02", "2026-06-02"))
                .containsOnly("08:00/0", "10:00/0", "12:00/0", "14:00/0", "16:00/0");
        assertThat(octo.dayStatus("tour", "2026-06-03")).isEqualTo("AVAILABLE");
    }
}
