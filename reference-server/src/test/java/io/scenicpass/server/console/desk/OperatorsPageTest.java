package io.scenicpass.server.console.desk;

import static io.scenicpass.server.console.desk.DeskPages.match;
import static io.scenicpass.server.console.desk.DeskPages.noMissingText;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's operators page over real HTTP (administrators only): an operator created with a role and a password
 * shown once, the role changed, the password reset (the old one refused, the sessions ended), the second factor
 * removed, disabled; the last administrator cannot be demoted or disabled (page and API: 409 LAST_ADMINISTRATOR);
 * every change audited without a password; any other role refused on the page and the API alike.
 */
class OperatorsPageTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String adminPassword;
    static Operators ops;

    @BeforeAll
    static void start() throws Exception {
        ts = TestServer.h2(dir);
        ops = ts.server.console().operators;
        adminPassword = ConsoleSignIn.adminPassword(ts);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void anAdministratorRunsTheOperatorsAccounts() {
        PageClient admin = ConsoleSignIn.as(ts, "admin", adminPassword);
        Page list = admin.get("/console/operators");
        assertThat(list.status()).isEqualTo(200);
        noMissingText(list);
        Page made = admin.post("/console/operators/create", Map.of("login", "mei", "name", "Mei", "role", "FINANCE"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String password = match(made.body(), "<code id=\"new-password\">([A-Za-z0-9_-]+)</code>");
        assertThat(made.body()).contains("data-operator=\"mei\" data-role=\"FINANCE\"");
        assertThat(admin.get("/console/operators").body()).doesNotContain(password);
        PageClient mei = ConsoleSignIn.as(ts, "mei", password);
        assertThat(mei.get("/console/reports").status()).isEqualTo(200);
        String id = ops.list().stream()
                .filter(o -> o.login().equals("mei"))
                .findFirst()
                .orElseThrow()
                .id();

        Page role = admin.post("/console/operators/role", Map.of("operatorId", id, "role", "MARKETING"));
        assertThat(role.status()).isEqualTo(303);
        assertThat(admin.follow(role).body()).contains("data-operator=\"mei\" data-role=\"MARKETING\"");

        Page reset = admin.post("/console/operators/password", Map.of("operatorId", id));
        assertThat(reset.status()).isEqualTo(200);
        String second = match(reset.body(), "<code id=\"new-password\">([A-Za-z0-9_-]+)</code>");
        assertThat(mei.get("/console/reports").status()).as("her session ended").isEqualTo(303);
        PageClient old = new PageClient(ts.server.baseUrl());
        old.get("/console/sign-in");
        assertThat(old.post("/console/sign-in", Map.of("login", "mei", "password", password))
                        .errorCode())
                .isEqualTo("SIGN_IN_BAD_CREDENTIALS");
        PageClient again = ConsoleSignIn.as(ts, "mei", second);

        Operators.Enrolment e = ops.startTotp(id);
        assertThat(ops.confirmTotp(id, io.scenicpass.server.console.TotpCodes.at(e.secret(), ts.clock.millis())))
                .isTrue();
        admin.get("/console/operators");
        Page totp = admin.post("/console/operators/totp", Map.of("operatorId", id));
        assertThat(totp.status()).isEqualTo(303);
        assertThat(ops.get(id).totp()).isFalse();

        Page disabled = admin.post("/console/operators/active", Map.of("operatorId", id, "active", "false"));
        assertThat(disabled.status()).isEqualTo(303);
        assertThat(admin.follow(disabled).body())
                .contains("data-operator=\"mei\" data-role=\"MARKETING\" data-active=\"false\"");
        assertThat(again.get("/console/catalogue").status())
                .as("disabled: signed out")
                .isEqualTo(303);

        String audit =
                ts.get("/admin/v1/audit?action=operator", TestServer.ADMIN).body();
        assertThat(audit)
                .contains("console: create operator", "console: operator role", "console: operator password reset")
                .contains("console: operator totp", "console: operator active")
                .doesNotContain(password, second);
        Page zh = admin.get("/console/operators?lang=zh-CN");
        assertThat(zh.body()).contains("新建运营人员");
        noMissingText(zh);
        admin.get("/console/operators?lang=en");
        Page bad = admin.post("/console/operators/create", Map.of("login", "x", "role", "KING"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() {
        PageClient admin = ConsoleSignIn.as(ts, "admin", adminPassword);
        String me = ops.list().stream()
                .filter(o -> o.login().equals("admin"))
                .findFirst()
                .orElseThrow()
                .id();
        admin.get("/console/operators");
        Page demote = admin.post("/console/operators/role", Map.of("operatorId", me, "role", "READ_ONLY"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.errorCode()).isEqualTo("LAST_ADMINISTRATOR");
        assertThat(demote.body()).contains("no active administrator left");
        noMissingText(demote);
        Page disable = admin.post("/console/operators/active", Map.of("operatorId", me, "active", "false"));
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.errorCode()).isEqualTo("LAST_ADMINISTRATOR");
        TestServer.Answer api =
                ts.send("PATCH", "/admin/v1/operators/" + me, TestServer.ADMIN, "{\"role\":\"FINANCE\"}", Map.of());
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.json().get("code").asText()).isEqualTo("LAST_ADMINISTRATOR");
        assertThat(ops.get(me).role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(ops.get(me).active()).isTrue();

        // with a second administrator, the first may step down
        String other = ops.create("deputy", "Deputy", Role.ADMINISTRATOR, "deputy password")
                .id();
        Page down = admin.post("/console/operators/role", Map.of("operatorId", me, "role", "READ_ONLY"));
        assertThat(down.status()).isEqualTo(303);
        assertThat(ops.get(me).role()).isEqualTo(Role.READ_ONLY);
        assertThat(admin.get("/console/operators").status())
                .as("no longer an administrator")
                .isEqualTo(403);
        PageClient deputy = ConsoleSignIn.as(ts, "deputy", "deputy password");
        deputy.get("/console/operators");
        Page last = deputy.post("/console/operators/active", Map.of("operatorId", other, "active", "false"));
        assertThat(last.errorCode()).isEqualTo("LAST_ADMINISTRATOR");
        assertThat(deputy.post("/console/operators/role", Map.of("operatorId", me, "role", "ADMINISTRATOR"))
                        .status())
                .isEqualTo(303);
    }

    @Test
    void onlyAdministratorsOpenThePageOrTheApi() {
        String id = ops.create("gate-lead", "Gate lead", Role.GATE_SUPERVISOR, "gate lead password")
                .id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "gate-lead", "gate lead password");
        Page page = c.get("/console/operators");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(c.get("/console/flow").body()).doesNotContain("href=\"/console/operators\"");
        assertThat(c.post("/console/operators/create", Map.of("login", "sneaky", "role", "ADMINISTRATOR"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.get("/admin/v1/operators", token).status()).isEqualTo(403);
    }
}
