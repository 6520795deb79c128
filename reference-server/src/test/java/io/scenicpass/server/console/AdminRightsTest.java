package io.scenicpass.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.security.SecurityFixture;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API with operators' personal tokens: a role that lacks a route's right gets 403 FORBIDDEN and nothing is
 * done; the machine token keeps every right; every change lands in the audit log without secrets. Every admin route
 * of the running server has a right in {@link RouteRights}.
 */
class AdminRightsTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String readOnly;
    static String finance;
    static String marketing;
    static String slotId;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 500, false, 60, null);
        Operators ops = ts.server.console().operators;
        readOnly = token(ops.create("ro", "Read Only", Role.READ_ONLY, "read only password"));
        finance = token(ops.create("fin", "Finance", Role.FINANCE, "finance password"));
        marketing = token(ops.create("mkt", "Marketing", Role.MARKETING, "marketing password"));
        slotId = ts.get("/admin/v1/slots?productId=tour&from=2026-06-02", TestServer.ADMIN)
                .json()
                .get(0)
                .get("slotId")
                .asText();
    }

    static String token(Operators.Operator o) {
        return ts.server.console().operators.createToken(o.id(), "test").token();
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void everyAdminRouteHasARight() throws Exception {
        Set<String> routes = SecurityFixture.servedRoutes(ts.server);
        List<String> unmapped = routes.stream()
                .filter(r -> r.contains(" /admin/v1/"))
                .filter(r -> RouteRights.of(r) == null)
                .toList();
        assertThat(routes).anyMatch(r -> r.startsWith("PUT /admin/v1/slots/"));
        assertThat(unmapped).as("admin routes without a right in RouteRights").isEmpty();
    }

    @Test
    void aReadOnlyOperatorReadsButGets403ForAChangeAndNothingChanges() {
        assertThat(ts.get("/admin/v1/products", readOnly).status()).isEqualTo(200);
        Answer a = ts.send("PUT", "/admin/v1/slots/" + slotId + "/capacity", readOnly, "{\"capacity\":7}", Map.of());
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(a.json().get("message").asText()).contains("READ_ONLY").contains("CATALOGUE_WRITE");
        assertThat(capacity()).isEqualTo(500);
        assertThat(ts.get("/admin/v1/audit", readOnly).status()).isEqualTo(403);
        assertThat(ts.get("/admin/v1/operators", readOnly).status()).isEqualTo(403);
        assertThat(ts.get("/admin/v1/operators/me", readOnly)
                        .json()
                        .get("actor")
                        .asText())
                .isEqualTo("operator:ro");
    }

    @Test
    void aRoleWithTheRightChangesAndTheAuditLogSaysWhoWhatAndWhen() {
        Answer a = ts.send("PUT", "/admin/v1/slots/" + slotId + "/capacity", marketing, "{\"capacity\":480}", Map.of());
        assertThat(a.status()).isEqualTo(200);
        assertThat(capacity()).isEqualTo(480);
        var entry = ts.get("/admin/v1/audit?action=capacity", finance)
                .json()
                .get("entries")
                .get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("operator:mkt");
        assertThat(entry.get("via").asText()).isEqualTo("API");
        assertThat(entry.get("action").asText()).isEqualTo("PUT /admin/v1/slots/{slotId}/capacity");
        assertThat(entry.get("target").asText()).isEqualTo("slotId=" + slotId);
        assertThat(entry.get("summary").asText()).isEqualTo("capacity=480");
        assertThat(entry.get("status").asInt()).isEqualTo(200);
        assertThat(entry.get("at").asText()).isEqualTo(ts.clock.instant().toString());
        // finance may not change the catalogue, the machine token may do anything
        assertThat(ts.send("PUT", "/admin/v1/slots/" + slotId + "/capacity", finance, "{\"capacity\":1}", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/slots/" + slotId + "/capacity",
                                TestServer.ADMIN,
                                "{\"capacity\":500}",
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(ts.get("/admin/v1/audit?actor=machine-token", TestServer.ADMIN)
                        .json()
                        .get("entries")
                        .get(0)
                        .get("summary")
                        .asText())
                .isEqualTo("capacity=500");
    }

    @Test
    void theAuditLogKeepsNoSecretsAndReadsAreNotLogged() {
        Answer a = ts.post(
                "/admin/v1/operators",
                TestServer.ADMIN,
                "{\"login\":\"new-op\",\"name\":\"Zhang San\",\"role\":\"read-only\",\"password\":\"s3cret-password!\"}");
        assertThat(a.status()).isEqualTo(201);
        a = ts.post("/admin/v1/channels", TestServer.ADMIN, "{\"id\":\"ota-x\",\"webhookSecret\":\"whsec-123\"}");
        assertThat(a.status()).isEqualTo(201);
        String all = ts.get("/admin/v1/audit?limit=1000", TestServer.ADMIN).body();
        assertThat(all)
                .contains("POST /admin/v1/operators")
                .contains("login=new-op")
                .contains("role=read-only");
        assertThat(all).doesNotContain("s3cret").doesNotContain("Zhang").doesNotContain("whsec-123");
        assertThat(all).doesNotContain("GET /admin/v1/");
        assertThat(ts.get("/admin/v1/audit?from=yesterday", TestServer.ADMIN).status())
                .isEqualTo(400);
    }

    @Test
    void aRevokedTokenOrADeactivatedOperatorIsRefused401() {
        Operators ops = ts.server.console().operators;
        Operators.Operator o = ops.create("gone", null, Role.ADMINISTRATOR, "soon gone password");
        Operators.NewToken t = ops.createToken(o.id(), "laptop");
        assertThat(ts.get("/admin/v1/products", t.token()).status()).isEqualTo(200);
        ops.revokeToken(o.id(), t.id());
        assertThat(ts.get("/admin/v1/products", t.token()).status()).isEqualTo(401);
        String t2 = ops.createToken(o.id(), "phone").token();
        ops.change(o.id(), null, null, false, null);
        assertThat(ts.get("/admin/v1/products", t2).status()).isEqualTo(401);
    }

    private static int capacity() {
        return ts.get("/admin/v1/slots?productId=tour&from=2026-06-02", TestServer.ADMIN)
                .json()
                .get(0)
                .get("capacity")
                .asInt();
    }
}
