package io.scenicpass.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's sign-in over real HTTP with a cookie-keeping client: password and TOTP, lockout, the session cookie's
 * flags, CSRF refusal, sign-in before any console page, 403 for a missing right on the page and the API alike, and
 * console changes in the audit log.
 */
class ConsoleSignInTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static Operators ops;
    static String adminPassword;

    @BeforeAll
    static void start() throws Exception {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 500, false, 60, null);
        ops = ts.server.console().operators;
        adminPassword =
                Files.readString(ts.dataDir.resolve("console-admin-password")).trim();
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    /** Both steps: login and password, then (when {@code code} is given and the code step is asked) the code. */
    static Page signIn(PageClient c, String login, String password, String code) {
        c.get("/console/sign-in");
        Page first =
                c.post("/console/sign-in", Map.of("login", login, "password", password, "next", "/console/dashboard"));
        if (code == null || first.status() != 303 || !first.location().startsWith("/console/sign-in/code")) {
            return first;
        }
        assertThat(c.follow(first).body()).contains("id=\"sign-in-code\"");
        return c.post("/console/sign-in/code", Map.of("code", code, "next", "/console/dashboard"));
    }

    @Test
    void anAdministratorSignsInWithAPasswordAndGetsASecureSessionCookie() {
        PageClient c = new PageClient(ts.server.baseUrl());
        Page first = c.get("/console/dashboard");
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.location()).isEqualTo("/console/sign-in?next=%2Fconsole%2Fdashboard");
        assertThat(ts.get("/console/dashboard/summary", null).status()).isIn(200, 303); // OkHttp follows to sign-in
        Page in = signIn(c, "admin", adminPassword, null);
        assertThat(in.status()).isEqualTo(303);
        assertThat(in.location()).isEqualTo("/console/dashboard");
        String cookie = in.setCookies().stream()
                .filter(s -> s.startsWith("sp_console="))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(cookie)
                .contains("; Path=/console", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");
        Page dash = c.follow(in);
        assertThat(dash.status()).isEqualTo(200);
        assertThat(dash.body()).contains("/dashboard/app.js");
        Page summary = c.get("/console/dashboard/summary");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("\"occupancy\"");
        // signing out (from a console page's form) ends the session on the server
        assertThat(c.get("/console/account").body()).contains("id=\"sign-out\"");
        assertThat(c.post("/console/sign-out", Map.of()).status()).isEqualTo(303);
        assertThat(c.get("/console/dashboard").status()).isEqualTo(303);
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() {
        PageClient c = new PageClient(ts.server.baseUrl());
        c.get("/console/sign-in");
        Page p = c.post("/console/sign-in", Map.of("_csrf", "forged", "login", "admin", "password", adminPassword));
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.errorCode()).isEqualTo("CSRF");
        assertThat(p.setCookies()).noneMatch(s -> s.startsWith("sp_console=") && !s.contains("Max-Age=0"));
    }

    @Test
    void withTotpTheCodeIsAskedAndWrongTriesLockTheAccount() {
        Operators.Operator o = ops.create("sup", "Supervisor", Role.GATE_SUPERVISOR, "supervisor password");
        PageClient c = new PageClient(ts.server.baseUrl());
        assertThat(signIn(c, "sup", "supervisor password", null).status()).isEqualTo(303);
        // enrols on the account page: the QR is on screen, a code confirms it
        Page account = c.get("/console/account");
        assertThat(account.status()).isEqualTo(200);
        Page enrol = c.post("/console/account/totp", Map.of());
        assertThat(enrol.body()).contains("id=\"totp-qr\" src=\"data:image/png;base64,");
        String secret = match(enrol.body(), "id=\"totp-secret\">([A-Z2-7]+)<");
        Page confirmed = c.post("/console/account/totp/confirm", Map.of("code", code(secret)));
        assertThat(confirmed.body()).contains("id=\"notice\"");
        assertThat(ops.get(o.id()).totp()).isTrue();

        ts.clock.advance(Duration.ofSeconds(30));
        PageClient d = new PageClient(ts.server.baseUrl());
        Page passwordOnly = signIn(d, "sup", "supervisor password", null);
        assertThat(passwordOnly.status()).isEqualTo(303);
        assertThat(passwordOnly.location()).isEqualTo("/console/sign-in/code?next=%2Fconsole%2Fdashboard");
        // half signed in: no console page opens, no change is taken
        assertThat(d.get("/console/dashboard").location()).startsWith("/console/sign-in?next=");
        assertThat(d.get("/console/account").status()).isEqualTo(303);
        assertThat(d.post("/console/account/tokens", Map.of("name", "x")).status())
                .isEqualTo(401);
        Page codeStep = d.get(passwordOnly.location());
        assertThat(codeStep.status()).isEqualTo(200);
        assertThat(codeStep.body()).contains("id=\"sign-in-code\"").doesNotContain("id=\"password\"");
        Page in = d.post("/console/sign-in/code", Map.of("code", code(secret), "next", "/console/dashboard"));
        assertThat(in.status()).isEqualTo(303);
        assertThat(in.location()).isEqualTo("/console/dashboard");
        assertThat(d.get("/console/dashboard").status()).isEqualTo(200);

        // the code step waits 5 minutes, then asks for the password again
        PageClient late = new PageClient(ts.server.baseUrl());
        assertThat(signIn(late, "sup", "supervisor password", null).status()).isEqualTo(303);
        ts.clock.advance(Duration.ofMinutes(6));
        assertThat(late.get("/console/sign-in/code").location()).startsWith("/console/sign-in?next=");

        // a session half signed in before the lockout
        PageClient waiting = new PageClient(ts.server.baseUrl());
        assertThat(signIn(waiting, "sup", "supervisor password", null).location())
                .startsWith("/console/sign-in/code");
        waiting.get("/console/sign-in/code");
        PageClient e = new PageClient(ts.server.baseUrl());
        for (int i = 1; i < Operators.MAX_FAILURES; i++) {
            assertThat(signIn(e, "sup", "supervisor password", "000000").errorCode())
                    .isEqualTo("SIGN_IN_BAD_CREDENTIALS");
        }
        Page locked = signIn(e, "sup", "supervisor password", "000000");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.errorCode()).isEqualTo("SIGN_IN_LOCKED");
        ts.clock.advance(Duration.ofSeconds(30));
        assertThat(signIn(e, "sup", "supervisor password", code(secret)).errorCode())
                .isEqualTo("SIGN_IN_LOCKED");
        Page stillLocked = waiting.post("/console/sign-in/code", Map.of("code", code(secret)));
        assertThat(stillLocked.status()).isEqualTo(429);
        assertThat(stillLocked.errorCode()).isEqualTo("SIGN_IN_LOCKED");
    }

    @Test
    void aReadOnlyOperatorGets403OnThePageAndTheApiAlike() {
        Operators.Operator o = ops.create("viewer", "Viewer", Role.READ_ONLY, "viewer password");
        PageClient c = new PageClient(ts.server.baseUrl());
        assertThat(signIn(c, "viewer", "viewer password", null).status()).isEqualTo(303);
        assertThat(c.get("/console/dashboard").status()).isEqualTo(200);
        Page audit = c.get("/console/audit");
        assertThat(audit.status()).isEqualTo(403);
        assertThat(audit.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(audit.body()).doesNotContain("id=\"entries\"");
        // the navigation offers only what the role may open
        assertThat(c.get("/console/account").body()).doesNotContain("href=\"/console/audit\"");
        String token = ops.createToken(o.id(), "script").token();
        assertThat(ts.get("/admin/v1/audit", token).status()).isEqualTo(403);
    }

    @Test
    void consoleChangesAreInTheAuditLogWithWhoAndWhat() {
        PageClient c = new PageClient(ts.server.baseUrl());
        assertThat(signIn(c, "admin", adminPassword, null).status()).isEqualTo(303);
        c.get("/console/account");
        Page made = c.post("/console/account/tokens", Map.of("name", "nightly report"));
        assertThat(made.status()).isEqualTo(201);
        String token = match(made.body(), "id=\"new-token\">(spo_[A-Za-z0-9_-]+)<");
        assertThat(ts.get("/admin/v1/operators/me", token).json().get("actor").asText())
                .isEqualTo("operator:admin");
        assertThat(c.get("/console/account").body()).doesNotContain(token); // shown once

        Page audit = c.get("/console/audit?action=token");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body())
                .contains("data-action=\"token.create\"")
                .contains("<td>operator:admin</td><td>CONSOLE</td>")
                .doesNotContain(token);
        assertThat(c.get("/console/audit?action=sign-in").body()).contains("data-action=\"sign-in\"");
        assertThat(c.get("/console/audit?from=never").errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void afterSignInOnlyAConsolePathIsFollowed() {
        PageClient c = new PageClient(ts.server.baseUrl());
        c.get("/console/sign-in");
        Page in = c.post(
                "/console/sign-in", Map.of("login", "admin", "password", adminPassword, "next", "//evil.example/x"));
        assertThat(in.location()).isEqualTo("/console");
    }

    static String code(String secret) {
        return TotpCodes.at(secret, ts.clock.millis());
    }

    static String match(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
