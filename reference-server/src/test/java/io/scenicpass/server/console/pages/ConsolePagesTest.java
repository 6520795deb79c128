package io.scenicpass.server.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages over real HTTP, signed in through the operators' sign-in: a slot's capacity changed live (refused
 * below what is sold, the reason shown; OCTO availability follows; audited), a gate enrolled from the QR on screen,
 * a report shown and exported, and a role without the right refused on the page and the API alike.
 */
class ConsolePagesTest {
    static final String SLOT = "tour-opt|2026-06-02T10:00:00+08:00";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String ota;
    static String adminPassword;

    @BeforeAll
    static void start() throws Exception {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        ota = ts.channel("ota", 1000, 1000, null);
        TestServer.Answer held = ts.post(
                "/octo/bookings",
                ota,
                TestServer.reserve(
                        "B1", "tour", "2026-06-02T10:00:00+08:00", "tour-adult", "tour-adult", "tour-child"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings/B1/confirm", ota, "{}").status()).isEqualTo(200);
        adminPassword = ConsoleSignIn.adminPassword(ts);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void aSlotsCapacityChangesLiveButNeverBelowWhatIsSold() {
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        Page page = c.get("/console/catalogue?date=2026-06-02");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-slot=\"" + SLOT + "\"", "Adult 100.00");

        Page refused =
                c.post("/console/catalogue/capacity", Map.of("slotId", SLOT, "capacity", "2", "date", "2026-06-02"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        assertThat(refused.body()).contains("below the 3 places already sold or held");
        Page bad =
                c.post("/console/catalogue/capacity", Map.of("slotId", SLOT, "capacity", "many", "date", "2026-06-02"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(vacancies()).isEqualTo(97);

        Page ok = c.post("/console/catalogue/capacity", Map.of("slotId", SLOT, "capacity", "5", "date", "2026-06-02"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        Page after = c.follow(ok);
        assertThat(after.body()).contains("id=\"changed\"");
        assertThat(vacancies()).isEqualTo(2); // what resellers see now
        assertThat(ts.get("/admin/v1/audit?action=capacity", TestServer.ADMIN).body())
                .contains("console: slot capacity", "operator:admin", "capacity=5");
    }

    @Test
    void aGateEnrollsFromTheQrOnScreen() throws Exception {
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        assertThat(c.get("/console/devices").body()).contains("id=\"make-qr\""); // the form, with its CSRF token
        Page shown = c.post("/console/devices/enroll", Map.of("gateId", "gate-a", "role", "GATE", "label", "north"));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        Matcher img = Pattern.compile("id=\"enroll-qr\" src=\"data:image/png;base64,([^\"]+)\"")
                .matcher(shown.body());
        assertThat(img.find()).isTrue();
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
        String scanned = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(shown.body()).contains("<code id=\"enroll-code\">" + scanned + "</code>");
        // what the gate's enroll command does with the scanned code
        DeviceCredentials creds = new Provisioning(new CredentialStore(dir.resolve("gate.json")))
                .enroll(scanned, "North gate", "SP-TEST");
        Page list = c.get("/console/devices");
        assertThat(list.body()).contains("data-device=\"" + creds.deviceId() + "\" data-revoked=\"false\"");

        Page revoked = c.post("/console/devices/revoke", Map.of("deviceId", creds.deviceId()));
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(c.follow(revoked).body()).contains("data-device=\"" + creds.deviceId() + "\" data-revoked=\"true\"");
        Page unknown = c.post("/console/devices/enroll", Map.of("gateId", "gate-nowhere", "role", "GATE"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aReportIsShownAndExportedWithItsHeadingsInTheOperatorsLanguage() throws Exception {
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        Page sales = c.get("/console/reports?report=sales&from=2026-06-01&to=2026-06-01");
        assertThat(sales.status()).isEqualTo(200);
        assertThat(sales.body()).contains("Places sold", "Product tour", "<td class=\"sp-num\">3</td>");
        Page bad = c.get("/console/reports?report=sales&from=June");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("PERIOD");

        Request r = new Request.Builder()
                .url(ts.url("/console/reports/export?report=settlement&from=2026-06-01&to=2026-06-01&format=xlsx"))
                .header("Cookie", "sp_console=" + c.cookie("sp_console").value())
                .build();
        try (Response resp = ts.http.newCall(r).execute();
                XSSFWorkbook wb = new XSSFWorkbook(resp.body().byteStream())) {
            assertThat(resp.header("Content-Disposition")).contains("settlement-2026-06-01_2026-06-01.xlsx");
            var sheet = wb.getSheet("settlement");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("Owed (net)");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ota");
            assertThat(sheet.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(225.00); // 2 × 90 + 45
        }
    }

    @Test
    void anOperatorCancelsAfterTheChannelsCutoffAndThePassIsRevoked() {
        String key = ts.channel("ota2", 1000, 1000, null);
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                TestServer.reserve("B2", "tour", "2026-06-02T10:00:00+08:00", "tour-adult"))
                        .status())
                .isEqualTo(200);
        TestServer.Answer sold = ts.post("/octo/bookings/B2/confirm", key, "{}");
        String passId = io.scenicpass.core.PassCodec.decode(sold.json()
                        .get("unitItems")
                        .get(0)
                        .get("ticket")
                        .get("deliveryOptions")
                        .get(0)
                        .get("deliveryValue")
                        .asText())
                .claims()
                .passId();
        ts.clock.set(java.time.Instant.parse("2026-06-02T01:30:00Z")); // 09:30: past the 60-minute cutoff
        try {
            assertThat(ts.post("/octo/bookings/B2/cancel", key, "{}").status()).isNotEqualTo(200);
            PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
            Page found = c.get("/console/bookings?date=2026-06-02&channel=ota2");
            assertThat(found.body()).contains("data-booking=\"B2\" data-status=\"CONFIRMED\"");
            Page noReason = c.post("/console/bookings/cancel", Map.of("uuid", "B2", "reason", " "));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.errorCode()).isEqualTo("BAD_REQUEST");
            Page done = c.post("/console/bookings/cancel", Map.of("uuid", "B2", "reason", "storm closed the ropeway"));
            assertThat(done.status()).as(done.body()).isEqualTo(303);
            assertThat(c.follow(done).body())
                    .contains("id=\"done\"", "data-booking=\"B2\" data-status=\"CANCELLED\"", "storm closed");
            // the gates' revocation feed carries the pass: they refuse it
            assertThat(ts.server.passes().find(passId).orElseThrow().revoked()).isTrue();
            assertThat(ts.server.passes().revocationsSince(0, 100))
                    .anySatisfy(r -> assertThat(r.passId()).isEqualTo(passId));
            Page again = c.post("/console/bookings/cancel", Map.of("uuid", "B2", "reason", "twice"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(ts.get("/admin/v1/audit?action=cancel", TestServer.ADMIN).body())
                    .contains("console: cancel booking", "bookingId=B2");
        } finally {
            ts.clock.set(TestServer.START);
        }
    }

    @Test
    void aRoleWithoutTheRightIsRefusedOnThePageAndTheApiAlike() {
        Operators ops = ts.server.console().operators;
        String id =
                ops.create("rita", "Rita", Role.READ_ONLY, "read only password").id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "rita", "read only password");
        assertThat(c.get("/console/catalogue?date=2026-06-02").status()).isEqualTo(200);
        Page change =
                c.post("/console/catalogue/capacity", Map.of("slotId", SLOT, "capacity", "50", "date", "2026-06-02"));
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.errorCode()).isEqualTo("FORBIDDEN");
        TestServer.Answer api = ts.send(
                "PUT",
                "/admin/v1/slots/" + SLOT.replace("|", "%7C").replace("+", "%2B") + "/capacity",
                token,
                "{\"capacity\":50}",
                Map.of());
        assertThat(api.status()).isEqualTo(403);
        assertThat(c.get("/console/reports?report=settlement").status()).isEqualTo(403);
        assertThat(c.get("/console/reports/export?report=settlement&format=csv").status())
                .isEqualTo(403);
        assertThat(c.post("/console/devices/enroll", Map.of("gateId", "gate-a")).status())
                .isEqualTo(403);
        assertThat(c.post("/console/bookings/cancel", Map.of("uuid", "B1", "reason", "no right"))
                        .status())
                .isEqualTo(403);
        // not signed in: sent to sign-in and back
        Page anonymous = new PageClient(ts.server.baseUrl()).get("/console/catalogue");
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.location()).startsWith("/console/sign-in?next=");
    }

    private static int vacancies() {
        return ts.post(
                        "/octo/availability",
                        ota,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityIds\":[\""
                                + SLOT.substring(SLOT.indexOf('|') + 1) + "\"]}")
                .json()
                .get(0)
                .get("vacancies")
                .asInt();
    }
}
