package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import io.scenicpass.testing.browser.QrPictures;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The park's administrator at the console in real Chromium: signs in with the password the server generated at its
 * first start, sees the live dashboard, enrols an authenticator app from the QR on screen, and from then on signs in
 * in two steps, password then code (half signed in, no page opens); a read-only colleague signs in too and is refused
 * the audit log (403), as their API token is.
 */
class OperatorSignsInToTheConsoleTest {
    @TempDir
    Path dir;

    BrowserHarness browser;
    Park park;

    @BeforeEach
    void open() {
        browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        park = Park.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        park.close();
    }

    @Test
    void theAdministratorSignsInWithTotpAndAReadOnlyColleagueIsRefusedTheAuditLog() throws Exception {
        String password = ConsoleSignIn.adminPassword(park.server);
        var ops = park.server.server.console().operators;
        var viewer = ops.create("zhao", "Zhao Min", Role.READ_ONLY, "read only password");
        Path out = Paths.get("target/browser", getClass().getSimpleName());

        BrowserRun enrol = browser.run(
                "browser/console-totp.cjs",
                park.server.server.baseUrl(),
                out.resolve("enrol"),
                Map.of("step", "enrol", "adminPassword", password, "nowMillis", park.clock.millis()));
        JsonNode e = enrol.orFail();
        assertThat(enrol.pageErrors()).isEmpty();
        assertThat(e.path("askedAt").asText())
                .as("the dashboard asks for sign-in first")
                .isEqualTo("/console/sign-in");
        assertThat(e.path("afterPassword").asText()).isEqualTo("/console/dashboard");
        assertThat(e.path("qrShown").asBoolean())
                .as("the enrolment QR is on screen")
                .isTrue();
        assertThat(e.path("enrolled").asText()).isEqualTo("true");
        // what a phone's authenticator app reads from the QR on screen
        Path qr = enrol.screenshots().stream()
                .filter(p -> p.getFileName().toString().equals("enrolment-qr.png"))
                .findFirst()
                .orElseThrow();
        assertThat(QrPictures.decode(qr))
                .isEqualTo("otpauth://totp/ScenicPass:admin?secret="
                        + e.path("secret").asText() + "&issuer=ScenicPass&algorithm=SHA1&digits=6&period=30");

        park.clock.advance(Duration.ofSeconds(30)); // the next code
        BrowserRun in = browser.run(
                "browser/console-totp.cjs",
                park.server.server.baseUrl(),
                out.resolve("sign-in"),
                Map.of(
                        "step", "sign-in",
                        "adminPassword", password,
                        "secret", e.path("secret").asText(),
                        "nowMillis", park.clock.millis(),
                        "viewer", Map.of("login", "zhao", "password", "read only password")));
        JsonNode s = in.orFail();
        assertThat(in.pageErrors()).isEmpty();
        assertThat(s.path("codeStep").asText())
                .as("the code is asked on a page of its own")
                .isEqualTo("/console/sign-in/code");
        assertThat(s.path("halfSignedIn").asText())
                .as("half signed in, no console page opens")
                .isEqualTo("/console/sign-in");
        assertThat(s.path("dashboard").asText()).isEqualTo("/console/dashboard");
        assertThat(s.path("occupancy").asText())
                .isEqualTo(park.admin("GET", "/admin/v1/flow/occupancy", null)
                        .json()
                        .get("capacity")
                        .asText());
        assertThat(s.path("viewerAuditStatus").asInt()).isEqualTo(403);
        assertThat(s.path("viewerAuditCode").asText()).isEqualTo("FORBIDDEN");
        assertThat(s.path("viewerNav").toString())
                .as("the navigation offers what the role may open")
                .contains("/console/dashboard")
                .doesNotContain("/console/audit");
        String token = ops.createToken(viewer.id(), "viewer script").token();
        assertThat(park.server.get("/admin/v1/audit", token).status())
                .as("the API alike")
                .isEqualTo(403);
        // the administrator's sign-ins are in the audit log
        assertThat(park.admin("GET", "/admin/v1/audit?actor=operator:admin&action=sign-in", null)
                        .json()
                        .get("entries"))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
