package io.scenicpass.server.identity;

import static io.scenicpass.server.identity.IdentityFixture.NEXT_DAY_SLOT;
import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-document daily limits and the real-name policy set through the admin API (H2; PostgreSQL: the race test). */
class IdentityLimitsTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;
    static String other;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        IdentityFixture.product(ts, "one", false);
        IdentityFixture.product(ts, "two", false);
        IdentityFixture.product(ts, "own", false);
        key = ts.channel("ota", 1000, 1000, null);
        other = ts.channel("other-ota", 1000, 1000, null);
        policy("one", "{\"realName\":\"EVERY_VISITOR\",\"dailyLimit\":1,\"limitScope\":\"SITE\"}");
        policy("two", "{\"realName\":\"NONE\",\"dailyLimit\":1,\"limitScope\":\"SITE\"}");
        policy("own", "{\"realName\":\"BOOKER\",\"dailyLimit\":2}");
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    static void policy(String product, String body) {
        Answer a =
                ts.send("PUT", "/admin/v1/identity/products/" + product + "/policy", TestServer.ADMIN, body, Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    static String doc(String number) {
        return identity("CN_ID", number, "赵六", null);
    }

    @Test
    void oneBookingPerDocumentPerDayAcrossChannelsAndSiteScopedProducts() {
        String n = cnId("19900101", "101");
        assertThat(ts.post("/octo/bookings", key, reserve("l-1", "one", SLOT, "one-adult=" + doc(n)))
                        .status())
                .isEqualTo(200);
        Answer second = ts.post("/octo/bookings", other, reserve("l-2", "two", SLOT, "two-adult=" + doc(n)));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(second.json().get("errorMessage").asText())
                .contains("unitItems[0].identity")
                .contains("limit 1 per document per day")
                .doesNotContain(n);
        assertThat(ts.post("/octo/bookings", other, reserve("l-3", "two", NEXT_DAY_SLOT, "two-adult=" + doc(n)))
                        .status())
                .as("another day")
                .isEqualTo(200);
        // cancelling the first frees the document's place for the day
        assertThat(ts.post("/octo/bookings/l-1/cancel", key, "{}").status()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings", other, reserve("l-4", "two", SLOT, "two-adult=" + doc(n)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anExpiredHoldNoLongerCountsAndTwoVisitorsOfOneBookingCountTwice() {
        String n = cnId("19900202", "202");
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                reserve("x-1", "own", SLOT, "own-adult=" + doc(n), "own-adult=" + doc(n)))
                        .status())
                .isEqualTo(200);
        assertThat(ts.post("/octo/bookings", key, reserve("x-2", "own", SLOT, "own-adult=" + doc(n)))
                        .status())
                .as("own: 2 per day, both taken")
                .isEqualTo(400);
        ts.clock.advance(java.time.Duration.ofMinutes(31)); // the holds ran out (30 min by default)
        try {
            assertThat(ts.post("/octo/bookings", key, reserve("x-3", "own", SLOT, "own-adult=" + doc(n)))
                            .status())
                    .isEqualTo(200);
        } finally {
            ts.clock.advance(java.time.Duration.ofMinutes(-31));
        }
    }

    @Test
    void concurrentBookingsOfOneDocumentOnH2YieldExactlyOneAndNoServerError(@TempDir Path own) throws Exception {
        try (TestServer h2 = TestServer.h2(own)) {
            IdentityLimitPostgresTest.race(h2, h2);
        }
    }

    @Test
    void thePolicyIsShownAsIdRequiredInOctoAndEnforcedAtConfirm() {
        var units =
                ts.get("/octo/products/one", key).json().get("options").get(0).get("units");
        units.forEach(u ->
                assertThat(u.get("restrictions").get("idRequired").asBoolean()).isTrue());
        var own = ts.get("/octo/products/own", key).json().get("options").get(0).get("units");
        assertThat(own.get(0).get("restrictions").get("idRequired").asBoolean())
                .as("own-adult")
                .isFalse();
        assertThat(ts.post("/octo/bookings", key, reserve("p-1", "own", SLOT, "own-adult"))
                        .status())
                .isEqualTo(200);
        Answer a = ts.post("/octo/bookings/p-1/confirm", key, null);
        assertThat(a.json().get("errorMessage").asText())
                .contains("unitItems[0].identity is required")
                .contains("BOOKER");
        Answer bad = ts.send(
                "PUT", "/admin/v1/identity/products/own/policy", TestServer.ADMIN, "{\"realName\":\"ALL\"}", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/identity/products/nope/policy",
                                TestServer.ADMIN,
                                "{\"realName\":\"NONE\"}",
                                Map.of())
                        .status())
                .isEqualTo(404);
    }
}
