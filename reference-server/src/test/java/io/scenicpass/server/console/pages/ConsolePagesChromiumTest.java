package io.scenicpass.server.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages in a REAL headless Chromium on a tablet-sized screen (Playwright, {@link BrowserHarness})
 * against the real server: sign in, change a slot's capacity (refused below what is sold, the reason shown; then OCTO
 * availability shows it), enroll a gate from the QR on screen, cancel a booking after its cutoff and see its pass
 * revoked. Screenshots in {@code <build dir>/browser/ConsolePagesChromiumTest/}.
 */
@Tag("slow")
class ConsolePagesChromiumTest {
    static final String SLOT = "tour-opt|2026-06-02T10:00:00+08:00";

    @TempDir
    static Path dir;

    static BrowserHarness browser;
    static TestServer ts;
    static Path out =
            Path.of(System.getProperty("scenicpass.buildDir", "target"), "browser", "ConsolePagesChromiumTest");

    @BeforeAll
    static void start() {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
    }

    @AfterAll
    static void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void anOperatorRunsTheParkFromATablet() throws Exception {
        String key = ts.channel("ota", 1000, 1000, null);
        ts.post("/octo/bookings", key, TestServer.reserve("B1", "tour", SLOT.substring(9), "tour-adult", "tour-adult"));
        ts.post("/octo/bookings", key, TestServer.reserve("B2", "tour", SLOT.substring(9), "tour-adult"));
        JsonNode b2 = ts.post("/octo/bookings/B2/confirm", key, "{}").json();
        assertThat(ts.post("/octo/bookings/B1/confirm", key, "{}").status()).isEqualTo(200);
        String pass = PassCodec.decode(b2.get("unitItems")
                        .get(0)
                        .get("ticket")
                        .get("deliveryOptions")
                        .get(0)
                        .get("deliveryValue")
                        .asText())
                .claims()
                .passId();
        ts.clock.set(Instant.parse("2026-06-02T01:30:00Z")); // 09:30: past the channel's 60-minute cutoff

        BrowserRun run = browser.run(
                "console/pages.cjs",
                ts.server.baseUrl(),
                out,
                Map.of("password", ConsoleSignIn.adminPassword(ts), "slot", SLOT, "booking", "B2"));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(r.path("landed").asText()).isEqualTo("/console/catalogue");
        assertThat(r.path("refusalCode").asText()).isEqualTo("CONFLICT");
        assertThat(r.path("refusal").asText()).contains("below the 3 places already sold or held");
        assertThat(r.path("changed").asBoolean()).isTrue();
        assertThat(r.path("capacity").asText()).isEqualTo("5");
        // the QR on screen enrolls a gate
        assertThat(r.path("qrShown").asBoolean()).isTrue();
        String device = new Provisioning(new CredentialStore(dir.resolve("gate.json")))
                .enroll(r.path("code").asText(), "North gate", "SP-TEST")
                .deviceId();
        assertThat(ts.server.devices().list())
                .anySatisfy(d -> assertThat(d.id()).isEqualTo(device));
        // cancelled after the cutoff: the pass is revoked (gates refuse it) and the place is for sale again
        assertThat(r.path("cancelled").asText()).isEqualTo("CANCELLED");
        assertThat(ts.server.passes().find(pass).orElseThrow().revoked()).isTrue();
        // resellers see the new capacity: 5 − 2 places still sold (B1; B2's place came back)
        assertThat(vacancies(key)).isEqualTo(3);
    }

    private static int vacancies(String key) {
        return ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityIds\":[\"" + SLOT.substring(9)
                                + "\"]}")
                .json()
                .get(0)
                .get("vacancies")
                .asInt();
    }
}
