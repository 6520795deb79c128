package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.sales.store.InventoryAudit;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The octo/cart scenarios shared by the H2 and PostgreSQL tests: a park ticket and a cable-car ride (two products),
 * an OTA's orders over real HTTP with {@code Octo-Capabilities: octo/cart}.
 */
final class CartFixture {
    static final String MORNING = "2026-06-02T10:00:00+08:00";
    static final String AFTERNOON = "2026-06-02T14:00:00+08:00";
    static final Map<String, String> CART = Map.of("Octo-Capabilities", "octo/cart");

    final TestServer ts;
    final String key;

    CartFixture(TestServer ts) {
        this.ts = ts;
        ts.product("park", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ts.product("cable", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
    }

    Answer cart(String method, String path, String bearer, String json) {
        return ts.send(method, path, bearer, json, CART);
    }

    /** A new order with a contact; its id. */
    String order() {
        Answer a = cart(
                "POST",
                "/octo/orders",
                key,
                "{\"contact\":{\"fullName\":\"Li Family\",\"emailAddress\":\"li@example.com\"}}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("ON_HOLD");
        return a.json().get("id").asText();
    }

    /** Reserves into {@code orderId} (held for {@code minutes}); the answer. */
    Answer reserve(String orderId, String uuid, String product, String slot, int minutes, String... units) {
        String body = TestServer.reserve(uuid, product, slot, units);
        body = body.substring(0, body.length() - 1) + ",\"orderId\":\"" + orderId + "\",\"expirationMinutes\":"
                + minutes + "}";
        return cart("POST", "/octo/bookings", key, body);
    }

    /** The family's order: two park tickets in the morning, a cable-car ride, and (last) a park afternoon ticket. */
    String familyOrder(int afternoonMinutes) {
        return familyOrder("b", afternoonMinutes);
    }

    /** {@link #familyOrder(int)} with booking uuids {@code <prefix>1..3}. */
    String familyOrder(String prefix, int afternoonMinutes) {
        String id = order();
        assertThat(reserve(id, prefix + "1", "park", MORNING, 60, "park-adult", "park-child")
                        .json()
                        .get("orderId")
                        .asText())
                .isEqualTo(id);
        assertThat(reserve(id, prefix + "2", "cable", MORNING, 60, "cable-adult")
                        .status())
                .isEqualTo(200);
        Answer last = reserve(id, prefix + "3", "park", AFTERNOON, afternoonMinutes, "park-adult");
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        return id;
    }

    int sold(String product, String slot) {
        return ts.server
                .inventory()
                .findSlot(product + "-opt|" + slot)
                .orElseThrow()
                .sold();
    }

    int held(String product, String slot) {
        return ts.server
                .inventory()
                .findSlot(product + "-opt|" + slot)
                .orElseThrow()
                .held();
    }

    /** Every counter equals what the bookings say (no drift) and the three slots of the family order hold nothing. */
    void nothingSoldOrHeld() {
        for (String[] s : new String[][] {{"park", MORNING}, {"cable", MORNING}, {"park", AFTERNOON}}) {
            assertThat(sold(s[0], s[1])).as("sold " + s[0] + " " + s[1]).isZero();
            assertThat(held(s[0], s[1])).as("held " + s[0] + " " + s[1]).isZero();
        }
        noDrift();
    }

    void noDrift() {
        List<InventoryAudit.Drift> drift = ts.server.database().read(c -> new InventoryAudit().drift(c));
        assertThat(drift).isEmpty();
    }

    /**
     * All or nothing: the afternoon hold (sold last, its slot sorts last) has expired when the order is confirmed.
     * The whole order is refused; nothing is sold, no pass issued, and the order then expires with every place back.
     */
    void expiredHoldRefusesTheWholeOrder() {
        String id = familyOrder(5);
        ts.clock.advance(Duration.ofMinutes(10));
        Answer refused = cart("POST", "/octo/orders/" + id + "/confirm", key, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.json().get("errorMessage").asText()).contains("b3", "nothing in the order was confirmed");
        assertThat(sold("park", MORNING) + sold("cable", MORNING) + sold("park", AFTERNOON))
                .isZero();
        for (String uuid : new String[] {"b1", "b2", "b3"}) {
            JsonNode b = cart("GET", "/octo/bookings/" + uuid, key, null).json();
            assertThat(b.get("status").asText()).as(uuid).isNotEqualTo("CONFIRMED");
            b.get("unitItems")
                    .forEach(u -> assertThat(u.get("ticket").get("deliveryOptions"))
                            .as("no pass for " + uuid)
                            .isEmpty());
        }
        JsonNode order = cart("GET", "/octo/orders/" + id, key, null).json();
        assertThat(order.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(order.get("utcExpiresAt").isNull()).isTrue();
        nothingSoldOrHeld();
        assertThat(cart("POST", "/octo/orders/" + id + "/confirm", key, "{}")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("UNPROCESSABLE_ENTITY");
    }
}
