package io.scenicpass.server.offers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offers in OCTO pricing through the real server: a promo code takes off what it says and the booking shows it
 * (octo/offers fields, {@code pricing.original} and {@code offerDiscount}); refused codes are typed; the total and
 * per-visitor limits hold under parallel reservations; automatic combination and segment offers apply by themselves.
 */
class OffersOctoTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String PRICING = "octo/pricing, octo/offers";

    @TempDir
    Path dir;

    TestServer ts;
    String key;
    TestHub hub = new TestHub();

    @BeforeEach
    void open() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        ts.product("park", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        key = ts.channel("ota", 10_000, 10_000, null);
        ts.server.offers().hub(hub.hub());
    }

    @AfterEach
    void close() {
        ts.close();
    }

    String offer(String body) {
        Answer a = ts.post("/admin/v1/offers", TestServer.ADMIN, body);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    Answer reserve(String uuid, String code, String email, String... units) {
        String body = TestServer.reserve(uuid, "park", SLOT, units);
        String extra = (code == null ? "" : ",\"offerCode\":\"" + code + "\"")
                + (email == null ? "" : ",\"contact\":{\"emailAddress\":\"" + email + "\"}");
        return ts.send(
                "POST",
                "/octo/bookings",
                key,
                body.substring(0, body.length() - 1) + extra + "}",
                Map.of("Octo-Capabilities", PRICING));
    }

    @Test
    void aPromoCodeTakesItsDiscountOffTheChildTicketAndTheBookingSaysWhatAndWhy() {
        offer("{\"code\":\"family20\",\"title\":\"Families: 20 % off children\",\"kind\":\"PERCENT\",\"amount\":20,"
                + "\"unitType\":\"CHILD\"}");
        Answer a = reserve("b1", "FAMILY20", null, "park-adult", "park-child");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode b = a.json();
        assertThat(b.get("offerCode").asText()).isEqualTo("FAMILY20");
        assertThat(b.get("offerTitle").asText()).isEqualTo("Families: 20 % off children");
        assertThat(b.get("offerIsCombination").asBoolean()).isFalse();
        assertThat(b.get("pricing").get("original").asInt()).isEqualTo(15000);
        assertThat(b.get("pricing").get("retail").asInt()).isEqualTo(14000);
        assertThat(b.get("pricing").get("offerDiscount").get("retail").asInt()).isEqualTo(1000);
        assertThat(b.get("pricing").get("offerDiscount").get("net").asInt()).isEqualTo(900);
        assertThat(b.get("unitItems").get(0).get("pricing").has("offerDiscount"))
                .isFalse();
        assertThat(b.get("unitItems").get(1).get("pricing").get("retail").asInt())
                .isEqualTo(4000);
        assertThat(b.get("offerComparisons").get(0).get("pricing").get("retail").asInt())
                .isEqualTo(14000);
        // the confirmed booking still says it, and the offer counts one redemption
        Answer c = ts.send("POST", "/octo/bookings/b1/confirm", key, "{}", Map.of("Octo-Capabilities", PRICING));
        assertThat(c.json().get("pricing").get("retail").asInt()).isEqualTo(14000);
        assertThat(c.json().get("offerTitle").asText()).isEqualTo("Families: 20 % off children");
        assertThat(ts.get("/admin/v1/offers", TestServer.ADMIN)
                        .json()
                        .get(0)
                        .get("redeemed")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void codesThatDoNotApplyAreRefusedWithTypedErrorsAndNothingIsHeld() {
        String id = offer("{\"code\":\"SUMMER\",\"title\":\"Summer\",\"kind\":\"AMOUNT\",\"amount\":1000,"
                + "\"validFrom\":\"2026-07-01\",\"validTo\":\"2026-08-31\"}");
        Answer unknown = reserve("u1", "NOPE", null, "park-adult");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(unknown.json().get("errorMessage").asText()).startsWith("OFFER_UNKNOWN");
        Answer early = reserve("u2", "summer", null, "park-adult");
        assertThat(early.json().get("errorMessage").asText()).startsWith("OFFER_NOT_APPLICABLE");
        ts.post("/admin/v1/offers/" + id + "/pause", TestServer.ADMIN, "");
        assertThat(reserve("u3", "SUMMER", null, "park-adult")
                        .json()
                        .get("errorMessage")
                        .asText())
                .contains("paused");
        assertThat(ts.get("/octo/bookings/u1", key).status()).isEqualTo(400);
        long claims = ts.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.one(
                                c, "SELECT COUNT(*) FROM offer_redemption", rs -> rs.getLong(1))
                        .orElseThrow());
        assertThat(claims).isZero();
    }

    @Test
    void theTotalLimitHoldsUnderParallelReservationsAndACancelledBookingGivesItsUseBack() throws Exception {
        offer("{\"code\":\"FIRST3\",\"title\":\"First three\",\"kind\":\"AMOUNT\",\"amount\":2000,\"totalLimit\":3}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String uuid = "p" + i;
            answers.add(pool.submit(() -> reserve(uuid, "FIRST3", null, "park-adult")));
        }
        int discounted = 0;
        int refused = 0;
        String winner = null;
        for (Future<Answer> f : answers) {
            Answer a = f.get();
            if (a.status() == 200) {
                assertThat(a.json().get("pricing").get("retail").asInt()).isEqualTo(8000);
                discounted++;
                winner = a.json().get("uuid").asText();
            } else {
                assertThat(a.json().get("errorMessage").asText()).startsWith("OFFER_LIMIT_REACHED");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(discounted).isEqualTo(3);
        assertThat(refused).isEqualTo(9);
        assertThat(ts.post("/octo/bookings/" + winner + "/cancel", key, "{}").status())
                .isEqualTo(200);
        assertThat(reserve("after-cancel", "FIRST3", null, "park-adult").status())
                .isEqualTo(200);
        assertThat(reserve("one-too-many", "FIRST3", null, "park-adult").status())
                .isEqualTo(400);
    }

    @Test
    void automaticOffersApplyByCombinationAndBySegmentAndPerVisitorLimitsCount() {
        offer("{\"title\":\"Adult + child: 20 % off the child\",\"kind\":\"PERCENT\",\"amount\":20,"
                + "\"unitType\":\"CHILD\",\"combination\":[\"ADULT\",\"CHILD\"]}");
        assertThat(reserve("c1", null, null, "park-child")
                        .json()
                        .get("pricing")
                        .get("retail")
                        .asInt())
                .isEqualTo(5000);
        JsonNode family = reserve("c2", null, null, "park-adult", "park-child").json();
        assertThat(family.get("pricing").get("retail").asInt()).isEqualTo(14000);
        assertThat(family.get("offerIsCombination").asBoolean()).isTrue();
        assertThat(family.has("offerCode")).isFalse();

        hub.visitor(7, "repeat@example.com", false, "repeaters");
        offer("{\"title\":\"Welcome back\",\"kind\":\"AMOUNT\",\"amount\":3000,\"segment\":\"repeaters\","
                + "\"perVisitorLimit\":1}");
        assertThat(reserve("s0", null, "new@example.com", "park-adult")
                        .json()
                        .get("pricing")
                        .get("retail")
                        .asInt())
                .isEqualTo(10000);
        JsonNode back = reserve("s1", null, "repeat@example.com", "park-adult").json();
        assertThat(back.get("offerTitle").asText()).isEqualTo("Welcome back");
        assertThat(back.get("pricing").get("retail").asInt()).isEqualTo(7000);
        // used once by this visitor: the next booking is at the full price (an automatic offer never refuses)
        assertThat(reserve("s2", null, "REPEAT@example.com", "park-adult")
                        .json()
                        .get("pricing")
                        .get("retail")
                        .asInt())
                .isEqualTo(10000);
    }
}
