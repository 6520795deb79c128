package io.scenicpass.server.passes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator sets a product's pass terms (admin API) and OCTO bookings get passes with the matching claims: an
 * annual pass sold not activated until its deadline, a 2-day re-entry pass over two local days, an N-entry pass, a
 * day pass with re-entry after exit; a product without terms issues single-entry passes as before.
 */
class PassProductsTest {
    @TempDir
    Path dir;

    @Test
    void termsBecomeClaimsOfTheBookedPasses() {
        try (TestServer ts = TestServer.h2(dir)) {
            String key = PassFixtures.setUp(ts);
            PassFixtures.product(ts, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            PassFixtures.product(ts, "twoday", "MULTI_DAY", 15000, PassFixtures.TWO_DAY_TERMS);
            PassFixtures.product(
                    ts, "tenrides", "MULTI_DAY", 8000, "{\"reentry\":\"UNLIMITED\",\"entriesAllowed\":10}");
            PassFixtures.product(ts, "day", "DAY", 8000, "{\"reentry\":\"AFTER_EXIT\",\"entriesAllowed\":0}");
            PassFixtures.product(ts, "plain", "MULTI_DAY", 8000, null);
            Instant day1 = Instant.parse("2026-06-01T16:00:00Z"); // 2026-06-02 00:00 in Asia/Shanghai

            Claims annual = claims(PassFixtures.book(ts, key, "b-annual", "annual", PassFixtures.DAY1));
            assertThat(annual.kind()).isEqualTo(PassKind.ANNUAL);
            assertThat(annual.activationRequired()).isTrue();
            assertThat(annual.entriesPerDay()).isEqualTo(1);
            assertThat(annual.entriesAllowed()).isZero();
            assertThat(annual.reentry()).isEqualTo(ReentryPolicy.UNLIMITED);
            assertThat(annual.zones()).extracting(ZoneAllowance::entries).containsExactly(0); // park (as its code)
            assertThat(annual.validFrom()).isEqualTo(day1);
            assertThat(annual.validUntil()).isEqualTo(day1.plus(Duration.ofDays(90))); // the activation deadline

            Claims twoDay = claims(PassFixtures.book(ts, key, "b-twoday", "twoday", PassFixtures.DAY1));
            assertThat(twoDay.kind()).isEqualTo(PassKind.MULTI_DAY);
            assertThat(twoDay.reentry()).isEqualTo(ReentryPolicy.AFTER_EXIT);
            assertThat(twoDay.entriesAllowed()).isZero();
            assertThat(twoDay.daysAllowed()).isEqualTo(2);
            assertThat(twoDay.activationRequired()).isFalse();
            assertThat(twoDay.validFrom()).isEqualTo(day1);
            assertThat(twoDay.validUntil()).isEqualTo(day1.plus(Duration.ofDays(2)));

            Claims ten = claims(PassFixtures.book(ts, key, "b-ten", "tenrides", PassFixtures.DAY1));
            assertThat(ten.entriesAllowed()).isEqualTo(10);
            assertThat(ten.reentry()).isEqualTo(ReentryPolicy.UNLIMITED);

            Claims day = claims(PassFixtures.book(ts, key, "b-day", "day", PassFixtures.DAY1));
            assertThat(day.kind()).isEqualTo(PassKind.DAY);
            assertThat(day.reentry()).isEqualTo(ReentryPolicy.AFTER_EXIT);
            assertThat(day.validFrom()).isEqualTo(Instant.parse("2026-06-02T00:00:00Z")); // the opening hours
            assertThat(day.validUntil()).isEqualTo(Instant.parse("2026-06-02T10:00:00Z"));

            Claims plain = claims(PassFixtures.book(ts, key, "b-plain", "plain", PassFixtures.DAY1));
            assertThat(plain.entriesAllowed()).isEqualTo(1);
            assertThat(plain.reentry()).isEqualTo(ReentryPolicy.SINGLE);
            assertThat(plain.zones()).extracting(ZoneAllowance::entries).containsExactly(1);

            // the annual pass is on the operator's list, sold, with its deadline and price
            JsonNode list = ts.get("/admin/v1/annual-passes?state=SOLD", TestServer.ADMIN)
                    .json();
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("passId").asText()).isEqualTo(annual.passId());
            assertThat(list.get(0).get("price").asLong()).isEqualTo(30000);
            assertThat(Instant.parse(list.get(0).get("activateBy").asText())).isEqualTo(annual.validUntil());
            JsonNode terms = ts.get("/admin/v1/products/annual/pass-terms", TestServer.ADMIN)
                    .json();
            assertThat(terms.get("validityMonths").asInt()).isEqualTo(12);
            assertThat(terms.get("refundFee").asLong()).isEqualTo(2000);
        }
    }

    @Test
    void badTermsGetTypedErrors() {
        try (TestServer ts = TestServer.h2(dir)) {
            PassFixtures.setUp(ts);
            PassFixtures.product(ts, "twoday", "MULTI_DAY", 15000, null);
            for (Object[] row : List.of(
                    new Object[] {"nope", "{}", 404, "NOT_FOUND"},
                    new Object[] {"twoday", "{\"reentry\":\"SINGLE\",\"entriesAllowed\":3}", 400, "BAD_REQUEST"},
                    new Object[] {"twoday", "{\"reentry\":\"SOMETIMES\"}", 400, "BAD_REQUEST"},
                    new Object[] {
                        "twoday", "{\"reentry\":\"AFTER_EXIT\",\"windowDays\":2,\"daysAllowed\":3}", 400, "BAD_REQUEST"
                    },
                    new Object[] {"twoday", "{\"reentry\":\"UNLIMITED\",\"validityMonths\":12}", 400, "BAD_REQUEST"},
                    new Object[] {"twoday", "{\"entriesPerDay\":\"x\"}", 400, "BAD_REQUEST"})) {
                TestServer.Answer a = ts.send(
                        "PUT",
                        "/admin/v1/products/" + row[0] + "/pass-terms",
                        TestServer.ADMIN,
                        (String) row[1],
                        Map.of());
                assertThat(a.status()).as(row[1].toString()).isEqualTo(row[2]);
                assertThat(a.json().get("code").asText()).as(row[1].toString()).isEqualTo(row[3]);
                assertThat(a.json().get("message").asText()).isNotBlank();
            }
            assertThat(ts.get("/admin/v1/products/twoday/pass-terms", TestServer.ADMIN)
                            .status())
                    .isEqualTo(404);
        }
    }

    private static Claims claims(String text) {
        return PassCodec.decode(text).claims();
    }
}
