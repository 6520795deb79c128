package io.scenicpass.server.console.desk;

import static io.scenicpass.server.console.desk.DeskPages.noMissingText;
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
 * The console's flow page over real HTTP: today's occupancy and slots, a capacity alert acknowledged (who and when),
 * a quota suggestion applied in one click through the catalogue's capacity change (and refused below what the donor
 * sold, the reason shown), each audited; the rights on the page and the API alike.
 */
class FlowPageTest {
    static final String HOT = "tour-opt|2026-06-01T10:00:00+08:00";
    static final String EARLY = "tour-opt|2026-06-01T08:00:00+08:00";
    static final String NOON = "tour-opt|2026-06-01T12:00:00+08:00";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String adminPassword;
    static String ota;

    @BeforeAll
    static void start() throws Exception {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ota = ts.channel("ota", 1000, 1000, null);
        String[] nine = new String[9];
        java.util.Arrays.fill(nine, "tour-adult");
        assertThat(ts.post("/octo/bookings", ota, TestServer.reserve("HOT", "tour", HOT.substring(9), nine))
                        .status())
                .isEqualTo(200);
        assertThat(ts.post(
                                "/octo/bookings",
                                ota,
                                TestServer.reserve(
                                        "NOON", "tour", NOON.substring(9), "tour-adult", "tour-adult", "tour-adult"))
                        .status())
                .isEqualTo(200);
        assertThat(ts.post("/admin/v1/flow/alerts/evaluate", TestServer.ADMIN, "")
                        .status())
                .isEqualTo(200);
        adminPassword = ConsoleSignIn.adminPassword(ts);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void anAlertIsAcknowledgedAndASuggestionAppliedThroughTheCatalogue() {
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        Page page = c.get("/console/flow");
        assertThat(page.status()).isEqualTo(200);
        noMissingText(page);
        assertThat(page.body())
                .contains("id=\"occupancy\"", "data-slot=\"" + HOT + "\"")
                .contains("data-alert=\"SLOT|" + HOT + "\" data-active=\"true\" data-acknowledged=\"false\"")
                .contains("data-from=\"" + EARLY + "\" data-to=\"" + HOT + "\" data-places=\"2\"");

        Page ack = c.post("/console/flow/acknowledge", Map.of("key", "SLOT|" + HOT));
        assertThat(ack.status()).as(ack.body()).isEqualTo(303);
        assertThat(c.follow(ack).body())
                .contains("data-alert=\"SLOT|" + HOT + "\" data-active=\"true\" data-acknowledged=\"true\"")
                .contains("acknowledged by operator:admin at 08:00");

        Page applied = c.post("/console/flow/apply", Map.of("fromSlotId", EARLY, "toSlotId", HOT, "places", "2"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(303);
        assertThat(c.follow(applied).body()).contains("id=\"done\" data-done=\"applied\"");
        assertThat(capacity(EARLY)).isEqualTo(8);
        assertThat(capacity(HOT)).isEqualTo(12);

        Page refused = c.post("/console/flow/apply", Map.of("fromSlotId", NOON, "toSlotId", HOT, "places", "9"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.body()).contains("capacity 1 is below the 3 places already sold or held");
        assertThat(capacity(NOON)).isEqualTo(10);
        assertThat(capacity(HOT)).isEqualTo(12);
        Page unknown = c.post("/console/flow/acknowledge", Map.of("key", "SLOT|nowhere"));
        assertThat(unknown.status()).isEqualTo(404);
        Page zh = c.get("/console/flow?lang=zh-CN");
        assertThat(zh.body()).contains("今日客流", "由 operator:admin 于 08:00 确认");
        noMissingText(zh);

        assertThat(ts.get("/admin/v1/audit?action=quota", TestServer.ADMIN).body())
                .contains("console: apply quota suggestion", "2 places from " + EARLY);
        assertThat(ts.get("/admin/v1/audit?action=acknowledge", TestServer.ADMIN)
                        .body())
                .contains("console: acknowledge alert");
    }

    @Test
    void aRoleWithoutTheRightIsRefusedOnThePageAndTheApiAlike() {
        Operators ops = ts.server.console().operators;
        String id = ops.create("flow-viewer", "Viewer", Role.READ_ONLY, "viewer password")
                .id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "flow-viewer", "viewer password");
        assertThat(c.get("/console/flow").status()).isEqualTo(200);
        Page ack = c.post("/console/flow/acknowledge", Map.of("key", "SLOT|" + HOT));
        assertThat(ack.status()).isEqualTo(403);
        assertThat(ack.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(c.post("/console/flow/apply", Map.of("fromSlotId", EARLY, "toSlotId", HOT, "places", "1"))
                        .status())
                .isEqualTo(403);
        String path =
                "/admin/v1/flow/alerts/" + ("SLOT|" + HOT).replace("|", "%7C").replace("+", "%2B") + "/acknowledge";
        assertThat(ts.post(path, token, "").status()).isEqualTo(403);
        // a gate supervisor holds FLOW_WRITE, on the API as well
        String sup = ops.create("flow-sup", "Supervisor", Role.GATE_SUPERVISOR, "supervisor password")
                .id();
        assertThat(ts.post(path, ops.createToken(sup, "script").token(), "").status())
                .isEqualTo(204);
    }

    private static int capacity(String slotId) {
        for (var s : ts.get("/admin/v1/slots?productId=tour&from=2026-06-01", TestServer.ADMIN)
                .json()) {
            if (s.get("slotId").asText().equals(slotId)) {
                return s.get("capacity").asInt();
            }
        }
        throw new AssertionError("no slot " + slotId);
    }
}
