package io.scenicpass.server.console.catalogue.slots;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slots and closures pages over real HTTP, signed in: a rule changed from a date on (the day with a sale kept and
 * named), the month calendar and a day's slots (capacity refused below what is sold with the reason; a slot and a
 * whole day closed and reopened, as OCTO shows), a closure previewed with the bookings it affects, confirmed, lifted;
 * a role without the right refused on the page and the API alike; everything audited. Today is 2026-06-01.
 */
class SlotsPagesTest {
    static final String SLOT = "tour-opt|2026-06-03T10:00:00+08:00";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String ota;
    static OctoProbe octo;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 0, null);
        ota = ts.channel("ota", 1000, 1000, null);
        octo = new OctoProbe(ts, ota);
        octo.book("tour", "P1", SLOT.substring(9), 3);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    static PageClient admin() throws Exception {
        return ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts));
    }

    @Test
    void theRuleCalendarAndDayAreEditedOnThePage() throws Exception {
        PageClient c = admin();
        assertThat(c.get("/console/catalogue").body()).contains("href=\"/console/catalogue/slots?option=tour-opt\"");
        Page cal = c.get("/console/catalogue/slots?option=tour-opt&month=2026-06");
        assertThat(cal.status()).as(cal.body()).isEqualTo(200);
        assertThat(cal.body()).contains("data-day=\"2026-06-02\" data-state=\"open\"", "id=\"next\"");

        Page rule = c.post(
                "/console/catalogue/slots/rule",
                Map.of(
                        "option", "tour-opt",
                        "from", "2026-06-03",
                        "openTime", "09:00",
                        "closeTime", "17:00",
                        "intervalMinutes", "60",
                        "slotCapacity", "30",
                        "closedWeekdays", "SUNDAY"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(rule.body()).contains("data-kept=\"1\"", "data-kept-slot=\"" + SLOT + "\"");
        assertThat(c.get("/console/catalogue/slots?option=tour-opt&month=2026-06&day=2026-06-07")
                        .body())
                .contains("data-day=\"2026-06-07\" data-state=\"closed\"", "id=\"no-slots\""); // a Sunday now

        Map<String, String> slot = Map.of("option", "tour-opt", "day", "2026-06-03", "slotId", SLOT);
        Page refused = c.post("/console/catalogue/slots/capacity", with(slot, "capacity", "2"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.body()).contains("below the 3 places already sold or held");
        Page ok = c.post("/console/catalogue/slots/capacity", with(slot, "capacity", "5"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(c.follow(ok).body()).contains("data-done=\"capacity\"");
        Page foreign = c.post(
                "/console/catalogue/slots/capacity",
                Map.of("option", "tour-opt", "day", "2026-06-03", "slotId", "other|x", "capacity", "5"));
        assertThat(foreign.status()).isEqualTo(400);

        assertThat(c.post("/console/catalogue/slots/closed", with(slot, "closed", "true"))
                        .status())
                .isEqualTo(303);
        assertThat(octo.slotStatus("tour", SLOT.substring(9))).isEqualTo("CLOSED");
        assertThat(c.post("/console/catalogue/slots/closed", with(slot, "closed", "false"))
                        .status())
                .isEqualTo(303);
        assertThat(octo.slotStatus("tour", SLOT.substring(9))).isEqualTo("LIMITED"); // 2 of 5 left

        Map<String, String> day = Map.of("option", "tour-opt", "day", "2026-06-04", "closed", "true");
        assertThat(c.post("/console/catalogue/slots/day-closed", day).status()).isEqualTo(303);
        assertThat(octo.dayStatus("tour", "2026-06-04")).isEqualTo("CLOSED");
        assertThat(c.post("/console/catalogue/slots/day-closed", with(day, "closed", "false"))
                        .status())
                .isEqualTo(303);
        assertThat(octo.dayStatus("tour", "2026-06-04")).isEqualTo("AVAILABLE");

        assertThat(ts.get("/admin/v1/audit?action=console", TestServer.ADMIN).body())
                .contains(
                        "console: slot rule", "console: slot capacity", "console: slot closed", "console: day closed");
    }

    @Test
    void aClosureShowsWhatItAffectsBeforeItIsConfirmed() throws Exception {
        PageClient c = admin();
        assertThat(c.get("/console/catalogue/closures?product=tour").status()).isEqualTo(200);
        Map<String, String> form = Map.of(
                "product",
                "tour",
                "option",
                "",
                "firstDay",
                "2026-06-03",
                "lastDay",
                "2026-06-05",
                "reason",
                "typhoon");
        Page preview = c.post("/console/catalogue/closures/preview", form);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body())
                .contains("data-bookings=\"1\" data-visitors=\"3\"", "href=\"/console/bookings?date=2026-06-03\"");
        assertThat(octo.dayStatus("tour", "2026-06-05")).isNotEqualTo("CLOSED"); // nothing yet

        Page closed = c.post("/console/catalogue/closures", form);
        assertThat(closed.status()).as(closed.body()).isEqualTo(303);
        Page list = c.follow(closed);
        assertThat(list.body()).contains("data-done=\"closed\"", "typhoon");
        assertThat(octo.dayStatus("tour", "2026-06-05")).isEqualTo("CLOSED");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-closure=\"(\\d+)\" data-lifted=\"false\"")
                .matcher(list.body());
        assertThat(m.find()).as(list.body()).isTrue();
        String id = m.group(1);
        Page lifted = c.post("/console/catalogue/closures/lift", Map.of("product", "tour", "id", id));
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(303);
        assertThat(octo.dayStatus("tour", "2026-06-05")).isNotEqualTo("CLOSED");

        Page bad = c.post("/console/catalogue/closures/preview", with(form, "reason", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(ts.get("/admin/v1/audit?action=closure", TestServer.ADMIN).body())
                .contains("console: closure", "reason=typhoon", "console: closure lifted");
    }

    @Test
    void aGateSupervisorSeesButCannotChangeOnThePageOrTheApi() throws Exception {
        Operators ops = ts.server.console().operators;
        String id = ops.create("gus", "Gus", Role.GATE_SUPERVISOR, "gate supervisor password")
                .id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "gus", "gate supervisor password");
        assertThat(c.get("/console/catalogue/slots?option=tour-opt").status()).isEqualTo(200);
        Page p = c.post(
                "/console/catalogue/slots/day-closed",
                Map.of("option", "tour-opt", "day", "2026-06-04", "closed", "true"));
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(c.post("/console/catalogue/closures", Map.of("product", "tour"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/slot-rules/tour-opt",
                                token,
                                "{\"from\":\"2026-06-10\",\"openTime\":\"09:00\",\"closeTime\":\"17:00\","
                                        + "\"intervalMinutes\":60,\"slotCapacity\":30}",
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(ts.send("DELETE", "/admin/v1/closures/1", token, null, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(ts.get("/admin/v1/closures?productId=tour", token).status()).isEqualTo(200);
        // a form without its CSRF token is refused
        PageClient admin = admin();
        admin.get("/console/catalogue/slots?option=tour-opt");
        assertThat(admin.post("/console/catalogue/slots/rule", Map.of("_csrf", "forged", "option", "tour-opt"))
                        .status())
                .isEqualTo(403);
    }

    static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new java.util.HashMap<>(m);
        out.put(k, v);
        return out;
    }
}
