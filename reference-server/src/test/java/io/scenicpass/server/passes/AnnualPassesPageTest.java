package io.scenicpass.server.passes;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /console/annual-passes} over real HTTP, signed in: an operator activates a sold pass at the desk, freezes it,
 * records the appeal, unfreezes and refunds it (each audited, the holder masked); bad input shows a typed error; a
 * read-only operator sees the page but may not act; both languages.
 */
class AnnualPassesPageTest {
    @TempDir
    Path dir;

    @Test
    void anOperatorWorksAnAnnualPassFromThePage() throws Exception {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            String id = PassFixtures.soldAnnualPass(ts, key);
            PageClient c = ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts));
            Page list = c.get("/console/annual-passes");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("data-pass=\"" + id + "\" data-state=\"SOLD\"", "Annual passes");
            assertThat(list.body()).doesNotContain("??");

            Page bad = c.post("/console/annual-passes/activate", Map.of("id", id, "number", "123", "name", "x"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
            Page activated = c.post(
                    "/console/annual-passes/activate",
                    Map.of(
                            "id",
                            id,
                            "type",
                            "CN_ID",
                            "number",
                            "11010519491231002X",
                            "name",
                            "张三",
                            "reference",
                            "desk-photo-1"));
            assertThat(activated.status()).as(activated.body()).isEqualTo(303);
            Page after = c.follow(activated);
            assertThat(after.body()).contains("data-done=\"activate\"", "data-state=\"ACTIVE\"", "1101**********002X");
            assertThat(after.body()).doesNotContain("11010519491231002X");

            assertThat(c.post("/console/annual-passes/freeze", Map.of("id", id, "reason", ""))
                            .errorCode())
                    .isEqualTo("BAD_REQUEST");
            assertThat(c.post("/console/annual-passes/freeze", Map.of("id", id, "reason", "lent"))
                            .status())
                    .isEqualTo(303);
            assertThat(c.post("/console/annual-passes/appeal", Map.of("id", id, "appeal", "my twin"))
                            .status())
                    .isEqualTo(303);
            assertThat(c.get("/console/annual-passes?state=FROZEN").body()).contains("lent", "my twin");
            Page again = c.post("/console/annual-passes/freeze", Map.of("id", id, "reason", "twice"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorCode()).isEqualTo("PASS_STATE");
            assertThat(c.post("/console/annual-passes/unfreeze", Map.of("id", id))
                            .status())
                    .isEqualTo(303);
            assertThat(c.post("/console/annual-passes/refund", Map.of("id", id)).status())
                    .isEqualTo(303);
            assertThat(c.get("/console/annual-passes").body()).contains("data-state=\"REFUNDED\"");
            assertThat(c.post("/console/annual-passes/explode", Map.of("id", id))
                            .errorCode())
                    .isEqualTo("NOT_FOUND");
            assertThat(ts.get("/admin/v1/audit?action=annual", TestServer.ADMIN).body())
                    .contains(
                            "console: annual pass activate",
                            "console: annual pass freeze",
                            "console: annual pass unfreeze",
                            "console: annual pass refund",
                            "id=" + id)
                    .doesNotContain("11010519491231002X");

            String rita = ts.server
                    .console()
                    .operators
                    .create("rita", "Rita", Role.READ_ONLY, "read only password")
                    .id();
            assertThat(rita).isNotBlank();
            PageClient readOnly = ConsoleSignIn.as(ts, "rita", "read only password");
            assertThat(readOnly.get("/console/annual-passes").status()).isEqualTo(200);
            Page refused = readOnly.post("/console/annual-passes/freeze", Map.of("id", id, "reason", "x"));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");

            PageClient zh = ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts), "zh-CN");
            Page chinese = zh.get("/console/annual-passes");
            assertThat(chinese.body()).contains("年卡", "已退款").doesNotContain("??");
        }
    }
}
