package io.scenicpass.journeys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, in the park: the operator says the museum holds 3 people at once; three visitors with museum tickets
 * walk in at the museum entrance; a visitor's phone (real Chromium, signed out) then shows the museum red ("full"),
 * the suggested route sends them to the cable car first and leaves the museum for last, and the weather notice the
 * operator just posted is on the page — in Chinese and in English.
 */
@Tag("slow")
class VisitorAvoidsTheCrowdedMuseumTest {
    static final ZoneId PARK = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void theMuseumFillsUpAndTheRouteGoesToTheCableCarFirst() throws Exception {
        BrowserHarness browser = BrowserHarness.require();
        try (Park park = Park.open(dir)) {
            TestServer.Answer museumZone = park.admin(
                    "PUT",
                    "/admin/v1/zones/museum",
                    "{\"nameZh\":\"黄山博物馆\",\"nameEn\":\"Huangshan museum\",\"kind\":\"MUSEUM\",\"capacity\":3,"
                            + "\"neighbours\":[{\"zoneId\":\"park\",\"walkMinutes\":10}]}");
            assertThat(museumZone.status()).as(museumZone.body()).isEqualTo(200);

            OtaBookingFlow.Result order = new OtaBookingFlow(
                            park.reseller("ctrip"),
                            park.clock,
                            new PrintStream(new ByteArrayOutputStream(), true, UTF_8))
                    .run("museum-day", 3, "CT-18-MUSEUM");
            // 10:30 on the visit day: the museum is open
            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(90)));
            LocalDate today = LocalDate.ofInstant(park.clock.instant(), PARK);

            assertThat(light(park, "museum")).as("before anyone came in").isEqualTo("PLENTY");
            EmbeddedGate museum = park.gate("gate-museum");
            assertThat(museum.start().success()).isTrue();
            for (String qr : order.qrCodes) {
                assertThat(museum.scan(qr).admitted()).isTrue();
            }
            museum.syncNow();
            Park.eventually(
                    "the museum's admissions reached the server",
                    () -> light(park, "museum").equals("FULL"));

            TestServer.Answer storm = park.admin(
                    "POST",
                    "/admin/v1/notices",
                    "{\"kind\":\"WEATHER\",\"severity\":\"SEVERE\",\"titleZh\":\"午后雷阵雨\",\"titleEn\":\"Thunderstorms this"
                            + " afternoon\",\"bodyZh\":\"14:00 后索道可能停运。\",\"bodyEn\":\"The cable car may stop after"
                            + " 14:00.\",\"from\":\"" + today + "\",\"until\":\"" + today + "\"}");
            assertThat(storm.status()).as(storm.body()).isEqualTo(201);

            JsonNode en = visit(browser, park, "en", List.of());
            JsonNode page = en.path("first");
            assertThat(page.path("lang").asText()).isEqualTo("en");
            assertThat(page.path("title").asText()).isEqualTo("In the park");
            assertThat(zone(page, "museum").path("light").asText()).isEqualTo("FULL");
            assertThat(zone(page, "museum").path("label").asText()).isEqualTo("Full");
            assertThat(zone(page, "cableway").path("light").asText()).isEqualTo("PLENTY");
            assertThat(ids(page.path("route"))).containsExactly("cableway", "museum");
            assertThat(page.path("route").get(1).path("later").asBoolean()).isTrue();
            assertThat(page.path("route").get(1).path("text").asText()).contains("best left for last");
            assertThat(page.path("notices").get(0).path("kind").asText())
                    .as("the severe weather notice first")
                    .isEqualTo("WEATHER");
            assertThat(page.path("notices").get(0).path("text").asText()).contains("Thunderstorms this afternoon");
            assertThat(page.path("rule").asText()).contains("crowded zones last");
            assertThat(ids(en.path("refreshed").path("route")))
                    .as("the refresh script keeps the same route from the JSON")
                    .containsExactly("cableway", "museum");
            assertThat(en.path("bytes").asInt()).as("a light page").isLessThan(30_000);

            JsonNode zh = visit(browser, park, "zh-CN", List.of("museum")).path("picked");
            assertThat(zh.path("lang").asText()).isEqualTo("zh-CN");
            assertThat(zone(zh, "museum").path("label").asText()).isEqualTo("拥挤");
            assertThat(ids(zh.path("route"))).as("only the museum ticked").containsExactly("museum");
            assertThat(zh.path("notices").toString()).contains("午后雷阵雨");
        }
    }

    private static String light(Park park, String zoneId) {
        TestServer.Answer a = park.server.get("/shop/api/park", null);
        for (JsonNode z : a.json().path("zones")) {
            if (z.path("id").asText().equals(zoneId)) {
                return z.path("light").asText();
            }
        }
        throw new AssertionError("no zone " + zoneId + ": " + a.body());
    }

    private JsonNode visit(BrowserHarness browser, Park park, String lang, List<String> pick) {
        BrowserRun run = browser.run(
                "browser/park.cjs",
                park.server.url("/shop/park"),
                Paths.get("target/browser", getClass().getSimpleName(), lang),
                Map.of("lang", lang, "pick", pick, "viewport", Map.of("width", 390, "height", 844)));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).as("no script errors in the page").isEmpty();
        return r;
    }

    private static JsonNode zone(JsonNode page, String id) {
        for (JsonNode z : page.path("zones")) {
            if (z.path("id").asText().equals(id)) {
                return z;
            }
        }
        throw new AssertionError("no zone " + id + " on the page: " + page);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
