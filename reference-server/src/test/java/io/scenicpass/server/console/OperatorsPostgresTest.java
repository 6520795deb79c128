package io.scenicpass.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.console.Operators.SignIn.Outcome;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators on PostgreSQL (production mode), two nodes on one database: one first administrator however both start;
 * failed sign-ins racing on both nodes all count (the row is locked while counted) and lock the account on both; a
 * token made on one node works on the other; the audit log written on one is read, filtered, on the other.
 */
@Tag("slow")
class OperatorsPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("OperatorsPostgresTest");
    }

    @Test
    void lockoutTokensAndTheAuditLogAcrossNodes() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            assertThat(a.server.console().operators.list())
                    .extracting(Operators.Operator::login)
                    .containsExactly("admin");
            Operators.Operator o = a.server.console().operators.create("li", "Li", Role.FINANCE, "finance password");

            List<CompletableFuture<Outcome>> tries = new ArrayList<>();
            for (int i = 0; i < Operators.MAX_FAILURES; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                String guess = "wrong guess " + i;
                tries.add(CompletableFuture.supplyAsync(() -> node.server
                        .console()
                        .operators
                        .signIn("li", guess, null)
                        .outcome()));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (CompletableFuture<Outcome> f : tries) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce(Outcome.LOCKED);
            assertThat(a.server
                            .console()
                            .operators
                            .signIn("li", "finance password", null)
                            .outcome())
                    .isEqualTo(Outcome.LOCKED);
            assertThat(b.server
                            .console()
                            .operators
                            .signIn("li", "finance password", null)
                            .outcome())
                    .isEqualTo(Outcome.LOCKED);

            String token =
                    a.server.console().operators.createToken(o.id(), "report").token();
            assertThat(b.get("/admin/v1/operators/me", token).json().get("role").asText())
                    .isEqualTo("FINANCE");
            assertThat(b.post("/admin/v1/operators/" + o.id() + "/unlock", TestServer.ADMIN, "")
                            .status())
                    .isEqualTo(200);
            assertThat(a.server
                            .console()
                            .operators
                            .signIn("li", "finance password", null)
                            .outcome())
                    .isEqualTo(Outcome.OK);
            var entries = a.get("/admin/v1/audit?action=unlock&actor=machine-token", token)
                    .json()
                    .get("entries");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("target").asText()).isEqualTo("id=" + o.id());
            assertThat(a.get("/admin/v1/audit?action=100%25_x", token).json().get("entries"))
                    .isEmpty();
        }
    }
}
