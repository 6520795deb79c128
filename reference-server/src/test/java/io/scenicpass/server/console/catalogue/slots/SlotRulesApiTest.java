package io.scenicpass.server.console.catalogue.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slot rules and closures through the admin API on H2, seen by a reseller through OCTO: a rule changed from a date on
 * lays out again the days without sales and keeps (and names) the day with a sale; a closure closes its days, also
 * those generated later, shows the bookings it affects first, and lifting it reopens them. Today is 2026-06-01.
 */
class SlotRulesApiTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String ota;
    static OctoProbe octo;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 0, null);
        ts.product("cable", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 0, null);
        ota = ts.channel("ota", 1000, 1000, null);
        octo = new OctoProbe(ts, ota);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void aRuleFromADateOnLaysOutUnsoldDaysAgainAndKeepsTheDayWithASale() {
        assertThat(octo.starts("tour", "2026-06-02", "2026-06-06")).hasSize(25); // 5 days × 5 slots, generated
        octo.book("tour", "R1", "2026-06-04T10:00:00+08:00", 3);

        TestServer.Answer a = put(
                "/admin/v1/slot-rules/tour-opt",
                "{\"from\":\"2026-06-03\",\"openTime\":\"09:00\",\"closeTime\":\"17:00\",\"intervalMinutes\":60,"
                        + "\"slotCapacity\":30,\"closedWeekdays\":[\"FRIDAY\"]}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode kept = a.json().get("keptDays");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("date").asText()).isEqualTo("2026-06-04");
        assertThat(kept.get(0).get("slots").toString())
                .contains("\"slotId\":\"tour-opt|2026-06-04T10:00:00+08:00\"", "\"sold\":3");
        assertThat(a.json().get("regeneratedDays").asInt()).isEqualTo(3); // 06-03, 06-05, 06-06

        assertThat(octo.starts("tour", "2026-06-02", "2026-06-02"))
                .containsExactly(
                        "08:00/100", "10:00/100", "12:00/100", "14:00/100", "16:00/100"); // before the date: as it was
        assertThat(octo.starts("tour", "2026-06-03", "2026-06-03"))
                .hasSize(8)
                .first()
                .isEqualTo("09:00/30");
        assertThat(octo.starts("tour", "2026-06-04", "2026-06-04"))
                .contains("10:00/97")
                .hasSize(5); // kept, sale intact
        assertThat(octo.starts("tour", "2026-06-05", "2026-06-05")).isEmpty(); // a Friday: closed by the new rule
        assertThat(octo.starts("tour", "2026-06-10", "2026-06-10"))
                .hasSize(8)
                .first()
                .isEqualTo("09:00/30"); // later

        JsonNode hours = ts.post(
                        "/octo/availability/calendar",
                        ota,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDateStart\":\"2026-06-02\","
                                + "\"localDateEnd\":\"2026-06-03\"}")
                .json();
        assertThat(hours.get(0).get("openingHours").get(0).get("from").asText()).isEqualTo("08:00");
        assertThat(hours.get(1).get("openingHours").get(0).get("from").asText()).isEqualTo("09:00");
        assertThat(hours.get(1).get("openingHours").get(0).get("to").asText()).isEqualTo("17:00");

        JsonNode rules =
                ts.get("/admin/v1/slot-rules/tour-opt", TestServer.ADMIN).json().get("rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(1).get("validFrom").asText()).isEqualTo("2026-06-03");
        assertThat(ts.get("/admin/v1/audit?action=slot-rules", TestServer.ADMIN).body())
                .contains("PUT /admin/v1/slot-rules/{optionId}");
    }

    @Test
    void badRulesAreTypedRefusals() {
        String ok = "\"openTime\":\"09:00\",\"closeTime\":\"17:00\",\"intervalMinutes\":60,\"slotCapacity\":30";
        assertThat(put("/admin/v1/slot-rules/tour-opt", "{\"from\":\"2026-05-01\"," + ok + "}")
                        .body())
                .contains("BAD_REQUEST", "from must be today (2026-06-01) or later");
        assertThat(put("/admin/v1/slot-rules/nope", "{\"from\":\"2026-06-10\"," + ok + "}")
                        .status())
                .isEqualTo(404);
        assertThat(put(
                                "/admin/v1/slot-rules/tour-opt",
                                "{\"from\":\"2026-06-10\",\"openTime\":\"9h\",\"closeTime\":\"17:00\","
                                        + "\"intervalMinutes\":60,\"slotCapacity\":30}")
                        .body())
                .contains("openTime must be a time HH:MM");
        assertThat(put(
                                "/admin/v1/slot-rules/tour-opt",
                                "{\"from\":\"2026-06-10\"," + ok + ",\"closedWeekdays\":[\"MONDAY\",\"FUNDAY\"]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aClosureClosesItsDaysForResellersAfterShowingWhatItAffects() {
        octo.starts("cable", "2026-06-08", "2026-06-08");
        octo.book("cable", "C1", "2026-06-08T10:00:00+08:00", 2);
        String body = "{\"productId\":\"cable\",\"firstDay\":\"2026-06-08\",\"lastDay\":\"2026-06-20\","
                + "\"reason\":\"typhoon\"";
        JsonNode dry = ts.post("/admin/v1/closures", TestServer.ADMIN, body + ",\"dryRun\":true}")
                .json();
        assertThat(dry.get("bookings").asInt()).isEqualTo(1);
        assertThat(dry.get("visitors").asInt()).isEqualTo(2);
        assertThat(octo.dayStatus("cable", "2026-06-08")).isEqualTo("AVAILABLE"); // a dry run changes nothing

        TestServer.Answer made = ts.post("/admin/v1/closures", TestServer.ADMIN, body + "}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(octo.dayStatus("cable", "2026-06-08")).isEqualTo("CLOSED"); // generated before the closure
        assertThat(octo.dayStatus("cable", "2026-06-15")).isEqualTo("CLOSED"); // generated after it
        assertThat(octo.dayStatus("cable", "2026-06-21")).isEqualTo("AVAILABLE");
        TestServer.Answer refused = ts.post(
                "/octo/bookings", ota, TestServer.reserve("C2", "cable", "2026-06-08T12:00:00+08:00", "cable-adult"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("slot is closed");
        assertThat(ts.get("/octo/bookings/C1", ota).json().get("status").asText())
                .isEqualTo("CONFIRMED"); // sold stays sold
        JsonNode listed = ts.get("/admin/v1/closures?productId=cable", TestServer.ADMIN)
                .json()
                .get("closures");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("reason").asText()).isEqualTo("typhoon");

        TestServer.Answer lifted = ts.send(
                "DELETE", "/admin/v1/closures/" + made.json().get("id").asLong(), TestServer.ADMIN, null, Map.of());
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(octo.dayStatus("cable", "2026-06-08")).isEqualTo("AVAILABLE");
        assertThat(octo.dayStatus("cable", "2026-06-15")).isEqualTo("AVAILABLE");
        assertThat(ts.send(
                                "DELETE",
                                "/admin/v1/closures/" + made.json().get("id").asLong(),
                                TestServer.ADMIN,
                                null,
                                Map.of())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void badClosuresAreTypedRefusals() {
        assertThat(ts.post(
                                "/admin/v1/closures",
                                TestServer.ADMIN,
                                "{\"productId\":\"cable\",\"firstDay\":\"2026-06-09\",\"lastDay\":\"2026-06-08\","
                                        + "\"reason\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(ts.post(
                                "/admin/v1/closures",
                                TestServer.ADMIN,
                                "{\"productId\":\"cable\",\"firstDay\":\"2026-06-09\",\"lastDay\":\"2026-06-09\"}")
                        .body())
                .contains("give the reason");
        assertThat(ts.post(
                                "/admin/v1/closures",
                                TestServer.ADMIN,
                                "{\"productId\":\"cable\",\"optionId\":\"tour-opt\",\"firstDay\":\"2026-06-09\","
                                        + "\"lastDay\":\"2026-06-09\",\"reason\":\"x\"}")
                        .body())
                .contains("is not an option of cable");
        assertThat(ts.send("DELETE", "/admin/v1/closures/99999", TestServer.ADMIN, null, Map.of())
                        .status())
                .isEqualTo(404);
    }

    static TestServer.Answer put(String path, String json) {
        return ts.send("PUT", path, TestServer.ADMIN, json, Map.of());
    }
}
