package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /console/packages}: an operator sees the partners' allotments of a day and the package products, loads an
 * allotment for days (audited), and a total below what is sold is refused on the page with its code.
 */
class PackagesPageTest {
    @TempDir
    Path dir;

    TestServer ts;
    PackageFixture f;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        f = new PackageFixture(ts, 3, 10);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void anOperatorSeesAndLoadsAllotments() throws Exception {
        f.book("p-1", 2);
        PageClient c = ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts));
        Page page = c.get("/console/packages?date=" + PackageFixture.DAY);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("href=\"/console/packages\"", "Lakeside Hotel · Double room", "300.00 CNY", "48 h before")
                .contains("data-product=\"pkg\"", "lakeside-double (day +0, one per booking)")
                .doesNotContain("??");
        assertThat(page.body()).containsPattern("data-resource=\"bus-1\">(?s).*?<td class=\"sp-num sold\">2</td>");

        Page refused = c.post(
                "/console/packages/allotments",
                Map.of("resourceId", "lakeside-double", "from", PackageFixture.DAY, "total", "0"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("CONFLICT");
        Page bad = c.post(
                "/console/packages/allotments", Map.of("resourceId", "lakeside-double", "from", "June", "total", "4"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");

        Page ok = c.post(
                "/console/packages/allotments",
                Map.of("resourceId", "lakeside-double", "from", "2026-06-10", "to", "2026-06-12", "total", "8"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(c.follow(ok).body()).contains("id=\"loaded\"");
        assertThat(ts.get("/partner/v1/allotments/lakeside-double?from=2026-06-10&to=2026-06-12", f.hotelToken)
                        .json())
                .hasSize(3)
                .allMatch(d -> d.path("total").asInt() == 8);
        assertThat(ts.get("/admin/v1/audit?action=allotment", TestServer.ADMIN).body())
                .contains("console: partner allotment", "operator:admin", "resourceId=lakeside-double");
    }
}
