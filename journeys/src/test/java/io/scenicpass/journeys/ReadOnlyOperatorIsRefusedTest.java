package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.web.Texts;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator gives three colleagues accounts on the operators page, in real Chromium, and each role gets what
 * {@code console/Role} gives it, on the pages and the admin API alike (their personal API tokens): the read-only
 * operator reads the pages but a capacity change, a refund and a gate enrollment are each refused with a 403 page and
 * its typed code, in zh-CN and in en; finance downloads the settlement but may not change a capacity; the gate
 * supervisor enrolls a gate but may neither void a pass (a refund right) nor export the settlement. Nothing changed.
 */
@Tag("slow")
class ReadOnlyOperatorIsRefusedTest {
    @TempDir
    Path dir;

    @Test
    void eachRoleIsRefusedWhatItLacksOnThePagesAndTheApiAlike() throws Exception {
        BrowserHarness browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        try (Park park = Park.open(dir)) {
            OtaBookingFlow.Result order = park.otaFlow(park.reseller("ctrip")).run("park-entry", 2, "CT-8001");
            String uuid = order.booking.getUuid();
            String pass = PassCodec.decode(order.qrCodes.get(0)).claims().passId();
            String slot = "park-entry-std|" + order.slot.getId();
            int capacity = order.slot.getCapacity();
            int devices = park.server.server.devices().list().size();

            BrowserRun run = browser.run(
                    "browser/console-roles.cjs",
                    park.server.server.baseUrl(),
                    Paths.get("target/browser", getClass().getSimpleName()),
                    Map.of(
                            "password",
                            ConsoleSignIn.adminPassword(park.server),
                            "today",
                            "2026-06-01",
                            "date",
                            order.slot.getLocalDateTimeStart().toLocalDate().toString(),
                            "slot",
                            slot,
                            "booking",
                            uuid,
                            "reference",
                            "CT-8001",
                            "pass",
                            pass));
            JsonNode r = run.orFail();
            assertThat(run.pageErrors()).isEmpty();
            assertThat(r.path("roles").path("zhao").asText()).isEqualTo("READ_ONLY");
            assertThat(r.path("roles").path("qian").asText()).isEqualTo("FINANCE");
            assertThat(r.path("roles").path("sun").asText()).isEqualTo("GATE_SUPERVISOR");

            for (String lang : new String[] {"zh", "en"}) {
                JsonNode ro = r.path(lang);
                ro.path("reads")
                        .fields()
                        .forEachRemaining(e -> assertThat(e.getValue().asInt())
                                .as("the read-only operator reads %s", e.getKey())
                                .isEqualTo(200));
                assertThat(ro.path("audit").asInt()).isEqualTo(403);
                assertThat(ro.path("settlement").asInt()).isEqualTo(403);
                String language = lang.equals("zh") ? "zh-CN" : "en";
                for (String change : new String[] {"capacity", "refund", "enroll"}) {
                    JsonNode refused = ro.path(change);
                    assertThat(refused.path("status").asInt()).as(change).isEqualTo(403);
                    assertThat(refused.path("code").asText()).as(change).isEqualTo("FORBIDDEN");
                    assertThat(refused.path("lang").asText()).as(change).isEqualTo(language);
                    assertThat(refused.path("text").asText())
                            .as(change)
                            .isEqualTo(Texts.of(language).get("FORBIDDEN"));
                }
            }
            assertThat(r.path("financeCapacity").path("status").asInt()).isEqualTo(403);
            assertThat(r.path("supervisorEnroll").path("status").asInt()).isEqualTo(200);
            assertThat(r.path("supervisorQr").asBoolean()).isTrue();
            assertThat(r.path("supervisorVoid").path("status").asInt()).isEqualTo(403);
            assertThat(r.path("supervisorVoid").path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(r.path("supervisorSettlement").asInt()).isEqualTo(403);
            assertThat(ctripLines(Path.of(r.path("financeExport").asText())))
                    .as("finance's settlement download")
                    .isEqualTo(1);

            // nothing changed by the refused ones
            assertThat(park.server.server.passes().find(pass).orElseThrow().revoked())
                    .isFalse();
            assertThat(park.reseller("ctrip").booking(uuid).getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(park.server.server.devices().list())
                    .as("only the supervisor's enrollment QR was made; no device enrolled")
                    .hasSize(devices);

            // the admin API with each one's personal token: the same answers
            Operators ops = park.server.server.console().operators;
            String readOnly = token(ops, "zhao");
            String finance = token(ops, "qian");
            String supervisor = token(ops, "sun");
            String capacityPath = "/admin/v1/slots/" + URLEncoder.encode(slot, StandardCharsets.UTF_8) + "/capacity";
            String change = "{\"capacity\":" + (capacity + 10) + "}";
            assertThat(api(park, "PUT", capacityPath, readOnly, change)).isEqualTo(403);
            assertThat(api(park, "POST", "/admin/v1/bookings/" + uuid + "/refund", readOnly, "{\"reason\":\"x\"}"))
                    .isEqualTo(403);
            String enrollment = "{\"gateId\":\"gate-south\",\"label\":\"lane 3\"}";
            assertThat(api(park, "POST", "/admin/v1/enrollment-tokens", readOnly, enrollment))
                    .isEqualTo(403);
            assertThat(api(park, "GET", "/admin/v1/settlement?format=xlsx", finance, null))
                    .isEqualTo(200);
            assertThat(api(park, "PUT", capacityPath, finance, change)).isEqualTo(403);
            assertThat(api(park, "POST", "/admin/v1/enrollment-tokens", supervisor, enrollment))
                    .isEqualTo(201);
            assertThat(api(park, "POST", "/admin/v1/passes/" + pass + "/void", supervisor, "{\"reason\":\"stolen\"}"))
                    .isEqualTo(403);
            assertThat(api(park, "GET", "/admin/v1/settlement", supervisor, null))
                    .isEqualTo(403);
            assertThat(park.server.server.passes().find(pass).orElseThrow().revoked())
                    .isFalse();
        }
    }

    private static String token(Operators ops, String login) {
        String id = ops.list().stream()
                .filter(o -> o.login().equals(login))
                .findFirst()
                .orElseThrow()
                .id();
        return ops.createToken(id, "script").token();
    }

    /** The status of an admin API call; a 403 must carry the typed FORBIDDEN code. */
    private static int api(Park park, String method, String path, String token, String json) {
        TestServer.Answer a = park.server.send(method, path, token, json, Map.of());
        if (a.status() == 403) {
            assertThat(a.json().path("code").asText()).as(path).isEqualTo("FORBIDDEN");
        }
        return a.status();
    }

    private static long ctripLines(Path xlsx) throws Exception {
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            long n = 0;
            for (Row row : wb.getSheetAt(0)) {
                if (row.getRowNum() > 0 && "ctrip".equals(row.getCell(0).getStringCellValue())) {
                    n++;
                }
            }
            return n;
        }
    }
}
