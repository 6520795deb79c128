package io.scenicpass.server.park;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The park through the real server of the demo (H2 file or PostgreSQL: {@link ParkApiH2Test}, {@link
 * ParkApiPostgresTest}): traffic lights and the route from real gate entries (a device
 * enrolled at the museum entrance uploads admissions over the terminal API), and the admin API's typed errors for
 * zones and notices.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class ParkApiContract {
    Path dir;

    TestServer ts;

    /** The database (null: H2 in the test's directory). */
    abstract String dbUrl();

    @BeforeAll
    void open(@TempDir Path dir) {
        this.dir = dir;
        ts = new TestServer(
                dir.resolve("server"),
                dbUrl(),
                new MutableClock(TestServer.START),
                Map.of("flow.demoHistoryDays", "0"));
        new DemoSeeder(ts.server).seed();
    }

    @AfterAll
    void close() {
        ts.close();
    }

    TestServer.Answer admin(String method, String path, String json) {
        return ts.send(method, path, TestServer.ADMIN, json, Map.of());
    }

    JsonNode park(String query) {
        TestServer.Answer a = ts.get("/shop/api/park" + query, null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    static JsonNode zone(JsonNode park, String id) {
        for (JsonNode z : park.get("zones")) {
            if (z.get("id").asText().equals(id)) {
                return z;
            }
        }
        throw new AssertionError("no zone " + id + " in " + park);
    }

    static List<String> route(JsonNode park) {
        List<String> out = new ArrayList<>();
        park.get("route").get("steps").forEach(s -> out.add(s.get("zoneId").asText()));
        return out;
    }

    @Test
    void entriesAtTheMuseumGateTurnItsLightRedAndTheRouteLeavesItForLater() throws Exception {
        TestServer.Answer put = admin(
                "PUT",
                "/admin/v1/zones/museum",
                "{\"nameZh\":\"黄山博物馆\",\"nameEn\":\"Huangshan museum\",\"kind\":\"MUSEUM\",\"capacity\":3,"
                        + "\"neighbours\":[{\"zoneId\":\"park\",\"walkMinutes\":10}]}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("capacity").asInt()).isEqualTo(3);

        JsonNode before = park("?lang=en&zone=museum&zone=cableway");
        assertThat(zone(before, "museum").get("light").asText()).isEqualTo("PLENTY");
        assertThat(zone(before, "museum").get("name").asText()).isEqualTo("Huangshan museum");
        // the museum is nearer (10 min) than the cable car (15): first
        assertThat(route(before)).containsExactly("museum", "cableway");

        TestServer.Answer token =
                admin("POST", "/admin/v1/enrollment-tokens", "{\"gateId\":\"gate-museum\",\"label\":\"park test\"}");
        DeviceCredentials museumGate = new Provisioning(new CredentialStore(dir.resolve("museum-gate/device.json")))
                .serverUrl(ts.server.baseUrl())
                .enroll(token.json().get("enrollmentCode").asText(), "museum gate", "SP-TEST");
        List<EntryEvent> in = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            in.add(TerminalFixtures.admit(null, museumGate.deviceId(), "gate-museum", ts.clock.instant()).toBuilder()
                    .zoneId("museum")
                    .build());
        }
        assertThat(TerminalFixtures.postEntries(ts.http, museumGate, new EntryBatch(museumGate.deviceId(), in))
                        .results())
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(EntryAckStatus.ACCEPTED));

        JsonNode after = park("?zone=cableway&zone=museum");
        JsonNode museum = zone(after, "museum");
        assertThat(museum.get("occupancy").asLong()).isEqualTo(3);
        assertThat(museum.get("percent").asInt()).isEqualTo(100);
        assertThat(museum.get("light").asText()).isEqualTo("FULL");
        assertThat(museum.get("name").asText()).isEqualTo("黄山博物馆");
        assertThat(zone(after, "cableway").get("light").asText()).isEqualTo("PLENTY");
        assertThat(route(after)).containsExactly("cableway", "museum");
        JsonNode last = after.get("route").get("steps").get(1);
        assertThat(last.get("later").asBoolean()).isTrue();
        assertThat(last.get("walkMinutes").asInt())
                .as("cable car → museum on the direct path")
                .isEqualTo(20);

        // only the museum wanted: it is the route, marked for later
        assertThat(route(park("?zone=museum"))).containsExactly("museum");
        TestServer.Answer unknown = ts.get("/shop/api/park?zone=nowhere", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(unknown.json().get("message").asText()).contains("nowhere");
    }

    @Test
    void zonesRefuseBadInputWithTypedErrors() {
        String ok = "\"nameZh\":\"乐园\",\"nameEn\":\"Play land\",\"kind\":\"PLAY_ZONE\",\"capacity\":50";
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"nameEn\":\"Play land\",\"kind\":\"PLAY_ZONE\",\"capacity\":50}", "nameZh");
        bad.put("{" + ok.replace("PLAY_ZONE", "ZOO") + "}", "kind must be one of");
        bad.put("{" + ok.replace("50", "0") + "}", "capacity must be 1..");
        bad.put("{" + ok.replace(",\"capacity\":50", "") + "}", "capacity is required");
        bad.put("{" + ok + ",\"neighbours\":[{\"zoneId\":\"atlantis\",\"walkMinutes\":5}]}", "atlantis");
        bad.put("{" + ok + ",\"neighbours\":[{\"zoneId\":\"play\",\"walkMinutes\":5}]}", "its own neighbour");
        bad.put("{" + ok + ",\"neighbours\":[{\"zoneId\":\"park\",\"walkMinutes\":0}]}", "walkMinutes must be 1..");
        bad.put("{" + ok + ",\"neighbours\":[{\"zoneId\":\"park\"}]}", "walkMinutes");
        bad.put(
                "{" + ok + ",\"neighbours\":[{\"zoneId\":\"park\",\"walkMinutes\":5},{\"zoneId\":\"park\","
                        + "\"walkMinutes\":6}]}",
                "listed twice");
        bad.put("{" + ok + ",\"colour\":\"red\"}", "colour");
        bad.put("{" + ok.replace("50", "\"50\"") + "}", "capacity");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            TestServer.Answer a = admin("PUT", "/admin/v1/zones/play", e.getKey());
            assertThat(a.status()).as(e.getKey() + " → " + a.body()).isEqualTo(400);
            assertThat(a.json().get("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(a.json().get("message").asText()).as(e.getKey()).contains(e.getValue());
        }
        assertThat(admin("PUT", "/admin/v1/zones/bad%20id", "{" + ok + "}").status())
                .isEqualTo(400);
        assertThat(admin("GET", "/admin/v1/zones/play", null).json().get("code").asText())
                .as("nothing was stored")
                .isEqualTo("NOT_FOUND");
        assertThat(ts.send("PUT", "/admin/v1/zones/play", "wrong-token", "{" + ok + "}", Map.of())
                        .status())
                .isEqualTo(401);

        TestServer.Answer made = admin(
                "PUT", "/admin/v1/zones/play", "{" + ok + ",\"neighbours\":[{\"zoneId\":\"park\",\"walkMinutes\":5}]}");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        JsonNode listed = admin("GET", "/admin/v1/zones", null).json();
        JsonNode play = null;
        for (JsonNode z : listed) {
            play = z.get("id").asText().equals("play") ? z : play;
        }
        assertThat(play).isNotNull();
        assertThat(play.get("name").asText()).isEqualTo("乐园 Play land");
        assertThat(play.get("neighbours").get(0).get("zoneId").asText()).isEqualTo("park");
    }

    @Test
    void noticesRefuseBadInputWithTypedErrorsAndShowOnTheirDaysOnly() {
        String ok = "\"kind\":\"PARKING\",\"severity\":\"WARNING\",\"titleZh\":\"P1 已满\",\"titleEn\":\"P1 full\","
                + "\"bodyZh\":\"请停 P2\",\"bodyEn\":\"Use P2\"";
        String days = ",\"from\":\"2026-06-01\",\"until\":\"2026-06-02\"";
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{" + ok.replace("PARKING", "PARTY") + days + "}", "kind must be one of");
        bad.put("{" + ok.replace("WARNING", "LOUD") + days + "}", "severity must be one of");
        bad.put("{" + ok.replace("\"P1 full\"", "\" \"") + days + "}", "titleEn is required");
        bad.put("{" + ok + "}", "from is required");
        bad.put("{" + ok + days.replace("2026-06-02", "tomorrow") + "}", "until must be a date YYYY-MM-DD");
        bad.put("{" + ok + ",\"from\":\"2026-06-03\",\"until\":\"2026-06-02\"}", "until must not be before from");
        bad.put("{" + ok + ",\"from\":\"2026-05-01\",\"until\":\"2026-05-02\"}", "until is in the past");
        bad.put("{" + ok + ",\"from\":\"2026-06-01\",\"until\":\"2027-06-02\"}", "at most 366 days");
        bad.put("{" + ok + days + ",\"link\":\"x\"}", "link");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            TestServer.Answer a = admin("POST", "/admin/v1/notices", e.getKey());
            assertThat(a.status()).as(e.getKey() + " → " + a.body()).isEqualTo(400);
            assertThat(a.json().get("code").asText()).isEqualTo("BAD_REQUEST");
            assertThat(a.json().get("message").asText()).as(e.getKey()).contains(e.getValue());
        }
        assertThat(admin("DELETE", "/admin/v1/notices/999999", null)
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("NOT_FOUND");
        assertThat(admin("GET", "/admin/v1/notices/abc", null).status()).isEqualTo(404);
        assertThat(admin("GET", "/admin/v1/notices?day=soon", null).status()).isEqualTo(400);

        TestServer.Answer made = admin("POST", "/admin/v1/notices", "{" + ok + days + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        assertThat(titles(park("?lang=en"))).contains("P1 full");
        assertThat(titles(admin("GET", "/admin/v1/notices?day=2026-06-03", null).json()))
                .doesNotContain("P1 full");
        assertThat(ts.server.park().notices.current(java.time.LocalDate.parse("2026-06-02")))
                .extracting(Notice::id)
                .contains(id);
        assertThat(admin("DELETE", "/admin/v1/notices/" + id, null).status()).isEqualTo(204);
        assertThat(admin("DELETE", "/admin/v1/notices/" + id, null).status()).isEqualTo(404);
        assertThat(titles(park("?lang=en"))).doesNotContain("P1 full");
    }

    @Test
    void thePageShowsLightsRouteAndNoticesSignedOutInBothLanguagesAndRefusesAnUnknownZone() {
        io.scenicpass.server.testing.PageClient phone =
                new io.scenicpass.server.testing.PageClient(ts.server.baseUrl());
        io.scenicpass.server.testing.PageClient.Page zh = phone.get("/shop/park");
        assertThat(zh.status()).as(zh.body()).isEqualTo(200);
        assertThat(zh.body())
                .contains("<html lang=\"zh-CN\"")
                .contains("园内实况")
                .contains("data-zone=\"cableway\"")
                .contains("id=\"route-rule\"")
                .contains("北门停车场 P1 周末常满") // the demo's parking notice
                .contains("<script src=\"/shop/park.js\" defer></script>");
        assertThat(zh.setCookies()).as("reading the page opens no session").isEmpty();
        io.scenicpass.server.testing.PageClient.Page en = phone.get("/shop/park?lang=en&zone=cableway");
        assertThat(en.body())
                .contains("In the park")
                .contains("Yungu cable car")
                .contains("value=\"cableway\" checked")
                .contains("North car park P1 fills up at weekends");
        io.scenicpass.server.testing.PageClient.Page bad = phone.get("/shop/park?lang=en&zone=%3Cscript%3E");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("UNKNOWN_ZONE");
        assertThat(bad.body()).contains("no such zone").doesNotContain("<script>");
        io.scenicpass.server.testing.PageClient.Page js = phone.get("/shop/park.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.body()).contains("data-api").hasSizeLessThan(4_000);
        assertThat(en.body()).contains("data-api=\"/shop/api/park?lang=en&amp;zone=cableway\"");
    }

    private List<String> titles(JsonNode notices) {
        List<String> out = new ArrayList<>();
        (notices.has("notices") ? notices.get("notices") : notices)
                .forEach(n -> out.add(
                        n.has("title")
                                ? n.get("title").asText()
                                : n.get("titleEn").asText()));
        return out;
    }
}
