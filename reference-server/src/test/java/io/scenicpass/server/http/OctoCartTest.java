package io.scenicpass.server.http;

import static io.scenicpass.server.http.CartFixture.AFTERNOON;
import static io.scenicpass.server.http.CartFixture.MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** octo/cart over real HTTP (H2): orders of bookings confirmed and cancelled together, all or nothing. */
class OctoCartTest {
    @TempDir
    Path dir;

    TestServer ts;
    CartFixture f;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        f = new CartFixture(ts);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void threeBookingsOnTwoProductsAreConfirmedTogether() {
        String id = f.familyOrder(60);
        JsonNode held = f.cart("GET", "/octo/orders/" + id, f.key, null).json();
        assertThat(held.get("bookings")).hasSize(3);
        assertThat(held.get("bookings").get(0).get("primary").asBoolean()).isTrue();
        assertThat(held.get("bookings").get(1).get("primary").asBoolean()).isFalse();
        assertThat(held.get("cancellable").asBoolean()).isTrue();
        assertThat(held.get("utcConfirmedAt").isNull()).isTrue();
        assertThat(f.held("park", MORNING) + f.held("cable", MORNING) + f.held("park", AFTERNOON))
                .isEqualTo(4);
        assertThat(held.has("pricing")).isFalse();
        JsonNode priced = ts.send(
                        "GET",
                        "/octo/orders/" + id,
                        f.key,
                        null,
                        Map.of("Octo-Capabilities", "octo/cart, octo/pricing"))
                .json();
        assertThat(priced.get("pricing").get("retail").asLong()).isEqualTo(35000); // 2 adults + child + adult
        assertThat(priced.get("pricing").get("net").asLong()).isEqualTo(31500);
        assertThat(priced.get("bookings").get(0).get("pricing").get("retail").asLong())
                .isEqualTo(15000);

        Answer confirmed = f.cart("POST", "/octo/orders/" + id + "/confirm", f.key, null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode o = confirmed.json();
        assertThat(o.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(o.get("utcConfirmedAt").asText()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(o.get("utcExpiresAt").isNull()).isTrue();
        List<String> passes = new ArrayList<>();
        for (JsonNode b : o.get("bookings")) {
            assertThat(b.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(b.get("orderId").asText()).isEqualTo(id);
            assertThat(b.get("orderReference").asText())
                    .isEqualTo(o.get("supplierReference").asText());
            // the order's contact is its bookings' contact
            assertThat(b.get("contact").get("emailAddress").asText()).isEqualTo("li@example.com");
            b.get("unitItems")
                    .forEach(u -> passes.add(u.get("ticket")
                            .get("deliveryOptions")
                            .get(0)
                            .get("deliveryValue")
                            .asText()));
        }
        assertThat(passes).hasSize(4).allMatch(p -> p.startsWith("SP1")).doesNotHaveDuplicates();
        assertThat(f.sold("park", MORNING)).isEqualTo(2);
        assertThat(f.sold("cable", MORNING)).isEqualTo(1);
        assertThat(f.sold("park", AFTERNOON)).isEqualTo(1);
        assertThat(f.held("park", MORNING) + f.held("cable", MORNING) + f.held("park", AFTERNOON))
                .isZero();
        f.noDrift();

        // a retried confirm answers the same order: nothing sold or issued twice
        ts.clock.advance(Duration.ofMinutes(1));
        Answer again = f.cart("POST", "/octo/orders/" + id + "/confirm", f.key, null);
        assertThat(again.json()).isEqualTo(o);
        assertThat(f.sold("park", MORNING)).isEqualTo(2);
        // a booking of a confirmed order can no longer be added
        Answer late = f.reserve(id, "b4", "cable", AFTERNOON, 60, "cable-adult");
        assertThat(late.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(f.held("cable", AFTERNOON)).isZero();
    }

    @Test
    void aHoldThatCannotBeConfirmedRefusesTheWholeOrder() {
        f.expiredHoldRefusesTheWholeOrder();
    }

    @Test
    void cancellingTheOrderCancelsEveryBookingAndGivesEveryPlaceBack() {
        String id = f.familyOrder(60);
        assertThat(f.cart("POST", "/octo/orders/" + id + "/confirm", f.key, null)
                        .status())
                .isEqualTo(200);
        Answer cancelled = f.cart("POST", "/octo/orders/" + id + "/cancel", f.key, "{\"reason\":\"rain\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellable").asBoolean()).isFalse();
        for (JsonNode b : cancelled.json().get("bookings")) {
            assertThat(b.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(b.get("cancellation").get("reason").asText()).isEqualTo("rain");
        }
        f.nothingSoldOrHeld();
        // retried (also as DELETE): the same answer
        assertThat(f.cart("DELETE", "/octo/orders/" + id, f.key, null).json()).isEqualTo(cancelled.json());

        // an order still on hold: its holds go back too
        String held = f.order();
        f.reserve(held, "h1", "cable", AFTERNOON, 60, "cable-adult", "cable-adult");
        assertThat(f.held("cable", AFTERNOON)).isEqualTo(2);
        assertThat(f.cart("DELETE", "/octo/orders/" + held, f.key, null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(f.held("cable", AFTERNOON)).isZero();
        f.noDrift();
    }

    @Test
    void extendMovesTheOrderAndEveryHold() {
        String id = f.familyOrder(10);
        JsonNode before = f.cart("GET", "/octo/orders/" + id, f.key, null).json();
        assertThat(before.get("utcExpiresAt").asText()).isEqualTo("2026-06-01T00:10:00Z"); // the shortest hold
        Answer extended = f.cart("POST", "/octo/orders/" + id + "/extend", f.key, "{\"expirationMinutes\":30}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("utcExpiresAt").asText()).isEqualTo("2026-06-01T00:30:00Z");
        ts.clock.advance(Duration.ofMinutes(20)); // past the first hold, within the extension
        assertThat(f.cart("POST", "/octo/orders/" + id + "/confirm", f.key, null)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void anotherChannelCannotSeeOrUseTheOrder() {
        String id = f.familyOrder(60);
        String other = ts.channel("ota-b", 1000, 1000, null);
        for (Answer a : List.of(
                f.cart("GET", "/octo/orders/" + id, other, null),
                f.cart("POST", "/octo/orders/" + id + "/confirm", other, null),
                f.cart("POST", "/octo/orders/" + id + "/cancel", other, null))) {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.json().get("error").asText()).isEqualTo("BAD_REQUEST");
            assertThat(a.json().get("errorMessage").asText()).isEqualTo("unknown order");
        }
        // nor reserve into it: refused before any place is held
        String body = TestServer.reserve("x1", "cable", AFTERNOON, "cable-adult");
        body = body.substring(0, body.length() - 1) + ",\"orderId\":\"" + id + "\"}";
        Answer refused = ts.send("POST", "/octo/bookings", other, body, CartFixture.CART);
        assertThat(refused.json().get("errorMessage").asText()).isEqualTo("unknown order");
        assertThat(f.held("cable", AFTERNOON)).isZero();
        assertThat(f.cart("GET", "/octo/orders/" + id, f.key, null).json().get("bookings"))
                .hasSize(3);
    }

    @Test
    void retriedReservationsStayOneBookingInTheOrder() {
        String id = f.order();
        Answer first = f.reserve(id, "r1", "park", MORNING, 60, "park-adult");
        Answer again = f.reserve(id, "r1", "park", MORNING, 60, "park-adult");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(f.held("park", MORNING)).isEqualTo(1);
        assertThat(f.cart("GET", "/octo/orders/" + id, f.key, null).json().get("bookings"))
                .hasSize(1);
        // without orderId the cart makes a new order for the booking
        Answer alone = f.cart("POST", "/octo/bookings", f.key, TestServer.reserve("r2", "park", MORNING, "park-adult"));
        String second = alone.json().get("orderId").asText();
        assertThat(second).isNotEqualTo(id);
        assertThat(alone.json().get("primary").asBoolean()).isTrue();
        // r1 cannot move to another order
        Answer moved = f.reserve(second, "r1", "park", MORNING, 60, "park-adult");
        assertThat(moved.json().get("error").asText()).as(moved.body()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(f.held("park", MORNING)).isEqualTo(2);
    }

    @Test
    void withoutTheCapabilityThereAreNoOrders() {
        Answer a = ts.send("POST", "/octo/orders", f.key, "{}", Map.of());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("errorMessage").asText()).contains("octo/cart");
        Answer plain = ts.post("/octo/bookings", f.key, TestServer.reserve("p1", "park", MORNING, "park-adult"));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().has("orderId")).isFalse();
        // the capability is echoed only now that it works
        assertThat(f.cart("GET", "/octo/orders/nope", f.key, null).headers().get("octo-capabilities"))
                .isEqualTo("octo/cart");
        // bad input: a typed error, never a 500
        String bad = TestServer.reserve("p2", "park", MORNING, "park-adult");
        Answer notText =
                f.cart("POST", "/octo/bookings", f.key, bad.substring(0, bad.length() - 1) + ",\"orderId\":7}");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.json().get("errorMessage").asText()).isEqualTo("orderId must be a string");
        Answer badMinutes = f.cart("POST", "/octo/orders", f.key, "{\"expirationMinutes\":0}");
        assertThat(badMinutes.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        Answer badMail = f.cart("POST", "/octo/orders", f.key, "{\"contact\":{\"emailAddress\":\"no\"}}");
        assertThat(badMail.json().get("errorMessage").asText()).contains("emailAddress");
        assertThat(f.held("park", MORNING)).isEqualTo(1);
    }
}
