package io.scenicpass.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.flow.FlowConfig;
import io.scenicpass.server.flow.FlowHarness;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.TelemetryStore;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator dashboard in a REAL headless Chromium (Playwright, {@link BrowserHarness}) against the real server (as
 * {@code ScenicPassServer} wires it, on a free port) with the demo history, behind the console's sign-in: the numbers
 * rendered in the DOM must be the server's JSON. Skips loudly when Chromium or Playwright is missing. Also writes a
 * screenshot ({@code <build dir>/browser/DashboardChromiumTest/dashboard.png}) for a person to look at.
 */
@Tag("slow")
class DashboardChromiumTest {
    @TempDir
    static Path dir;

    static FlowHarness h;
    static BrowserHarness browser;
    static Path out = Path.of(System.getProperty("scenicpass.buildDir", "target"), "browser", "DashboardChromiumTest");

    @BeforeAll
    static void start() {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        h = new FlowHarness(dir, 28, FlowConfig.defaults());
        // the hub takes the seeded history in at once (every entry applied "now"), and with the clock standing still
        // each measures refresh within the rollup's 5-minute look-back would find the whole history changed again;
        // a live hub applies entries as they come. Move the clock past the look-back once, as minutes passing would.
        h.ts.server.visitors().feed().catchUp();
        h.ts.server.measures().measures.refresh();
        h.ts.clock.advance(java.time.Duration.ofMinutes(6));
        h.ts.server.measures().measures.refresh();
        assertThat(h.ts.server.measures().measures.refresh())
                .as("days an answer recomputes now")
                .isZero();
        var db = h.ts.server.database();
        db.tx(c -> {
            DeviceStore devices = new DeviceStore();
            devices.insertDevice(
                    c, "dev-north-1", "北门闸机 1 North lane 1", "SP-G2", "gate-north", "hash-1", h.ts.clock.instant());
            devices.seen(c, "dev-north-1", h.ts.clock.instant().minusSeconds(30));
            devices.insertDevice(
                    c, "dev-south-1", "南门闸机 1 South lane 1", "SP-G2", "gate-south", "hash-2", h.ts.clock.instant());
            devices.seen(c, "dev-south-1", h.ts.clock.instant().minusSeconds(1800));
            new TelemetryStore()
                    .insert(
                            c,
                            List.of(
                                    new TelemetryStore.Reading(
                                            "dev-north-1",
                                            "cabinet",
                                            "TEMPERATURE",
                                            31.5,
                                            "°C",
                                            null,
                                            h.ts.clock.instant()),
                                    new TelemetryStore.Reading(
                                            "dev-north-1",
                                            "lane",
                                            "PEOPLE_IN",
                                            412,
                                            "people",
                                            null,
                                            h.ts.clock.instant())),
                            h.ts.clock.instant());
            return null;
        });
        h.flow.alerts.evaluate();
    }

    @AfterAll
    static void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void renderedNumbersAreTheServers() throws Exception {
        BrowserRun run = browser.run(
                "dashboard/dashboard.cjs",
                h.ts.server.baseUrl(),
                out,
                Map.of(
                        "password",
                        Files.readString(h.ts.dataDir.resolve("console-admin-password"))
                                .trim()));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(r.path("path").asText()).isEqualTo("/console/dashboard");
        String dom = r.path("dom").asText();
        assertThat(dom).as("page loaded its data").contains("data-loaded=\"true\"");
        JsonNode s = h.ts.get("/admin/v1/flow/summary", TestServer.ADMIN).json(); // frozen clock: what the page got

        JsonNode occ = s.get("occupancy");
        assertThat(text(dom, "occ-park")).isEqualTo(occ.get("park").asText());
        assertThat(text(dom, "occ-capacity")).isEqualTo(occ.get("capacity").asText());
        assertThat(Double.parseDouble(text(dom, "occ-level")))
                .isEqualTo(occ.get("levelPct").asDouble());
        assertThat(occ.get("park").asLong()).isPositive();

        int slots = 0;
        for (JsonNode sl : s.get("slots")) {
            String row = between(dom, "<tr data-slot-id=\"" + sl.get("slotId").asText() + "\">", "</tr>");
            for (String f : List.of("capacity", "sold", "entered", "remaining")) {
                assertThat(field(row, f))
                        .as(sl.get("slotId").asText() + " " + f)
                        .isEqualTo(sl.get(f).asText());
            }
            slots++;
        }
        assertThat(slots).isEqualTo(20); // 4 demo products (with the real-name ticket, issue 14) x 5 slots

        long active = 0;
        for (JsonNode a : s.get("alerts")) {
            active += a.get("active").asBoolean() ? 1 : 0;
            assertThat(dom).contains("data-alert-key=\"" + a.get("key").asText() + "\"");
        }
        assertThat(active).isPositive();
        assertThat(text(dom, "alerts-count")).isEqualTo(Long.toString(active));

        JsonNode hm = s.get("heatmap");
        for (int g = 0; g < hm.get("gates").size(); g++) {
            String row =
                    between(dom, "<tr data-gate-id=\"" + hm.get("gates").get(g).asText() + "\">", "</tr>");
            for (int hour = 6; hour <= 20; hour++) {
                Matcher m = Pattern.compile("data-hour=\"" + hour + "\" data-count=\"(\\d+)\"")
                        .matcher(row);
                assertThat(m.find()).isTrue();
                assertThat(m.group(1))
                        .isEqualTo(hm.get("counts").get(g).get(hour).asText());
            }
        }

        for (JsonNode ch : s.get("channels")) {
            assertThat(dom)
                    .contains("data-channel-id=\"" + ch.get("channelId").asText() + "\" data-units=\""
                            + ch.get("units").asText() + "\"");
        }
        assertThat(dom).contains("data-device-id=\"dev-north-1\" data-status=\"ONLINE\"");
        assertThat(dom).contains("data-device-id=\"dev-south-1\" data-status=\"OFFLINE\"");
        assertThat(dom).contains("cabinet temperature 31.5 °C");

        JsonNode f = s.get("forecast");
        assertThat(Double.parseDouble(text(dom, "forecast-next2h")))
                .isEqualTo(f.get("expectedNext2h").asDouble());
        assertThat(Double.parseDouble(text(dom, "forecast-peak")))
                .isEqualTo(f.get("expectedPeakOccupancy").asDouble());
        for (int i = 0; i < f.get("total").size(); i++) {
            Matcher m = Pattern.compile("data-forecast-bin=\"" + i + "\" data-value=\"([0-9.]+)\"")
                    .matcher(dom);
            assertThat(m.find()).as("forecast bar " + i).isTrue();
            assertThat(Double.parseDouble(m.group(1)))
                    .isEqualTo(f.get("total").get(i).asDouble());
        }

        Path shot = run.screenshots().get(0);
        assertThat(Files.size(shot)).isGreaterThan(20_000);
        System.out.println("dashboard screenshot: " + shot);
        // the real server's /metrics saw the page's request and carries every gauge
        String metrics = h.ts.get("/metrics", null).body();
        assertThat(metrics)
                .contains("route=\"/console/dashboard/summary\"")
                .contains("scenicpass_entries_ingested ")
                .contains("scenicpass_sync_lag_seconds ")
                .contains("scenicpass_outbox_depth ")
                .contains("scenicpass_alerts_active ")
                .contains("scenicpass_push_streams ");
    }

    @Test
    void notSignedInThePageIsTheSignInFormAndShowsNoData() {
        JsonNode r = browser.run("dashboard/dashboard.cjs", h.ts.server.baseUrl(), out.resolve("signed-out"), Map.of())
                .orFail();
        assertThat(r.path("path").asText()).isEqualTo("/console/sign-in");
        assertThat(r.path("dom").asText())
                .doesNotContain("data-loaded=\"true\"")
                .doesNotContain("occ-park");
    }

    private static String text(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(m.find()).as("element #" + id).isTrue();
        return m.group(1).trim();
    }

    private static String between(String dom, String start, String end) {
        int i = dom.indexOf(start);
        assertThat(i).as(start).isNotNegative();
        return dom.substring(i, dom.indexOf(end, i));
    }

    private static String field(String row, String name) {
        Matcher m = Pattern.compile("data-field=\"" + name + "\">([^<]*)<").matcher(row);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
