package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19's offers: marketing creates a promo code for families (20 % off children's tickets); an OTA books a
 * mother and her son with the code and sees in OCTO pricing what was taken off and why (offer title, original price,
 * offerDiscount); a mistyped code is refused with a typed error and nothing is held; the offer counts one redemption.
 */
class OtaBooksWithAPromoCodeTest {
    private static final Map<String, String> OFFERS = Map.of("Octo-Capabilities", "octo/pricing, octo/offers");

    /** The son's resident ID (born 2016-06-01): the child ticket is sold by real name. */
    private static final String SON = RealNameVisitorsAtTheGateTest.cnId("34010220160601006");

    @TempDir
    Path dir;

    @Test
    void theOtaBooksWithAPromoCodeAndSeesTheDiscountInOctoPricing() throws Exception {
        try (Park park = Park.open(dir)) {
            Answer made = park.admin(
                    "POST",
                    "/admin/v1/offers",
                    "{\"code\":\"FAMILY20\",\"title\":\"Families: 20 % off children\",\"kind\":\"PERCENT\","
                            + "\"amount\":20,\"unitType\":\"CHILD\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-08-31\"}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String key = park.demo.channelKeys().get("ctrip");
            String slot = firstSlot(park, key);

            Answer typo = park.server.send("POST", "/octo/bookings", key, reserve("promo-0", slot, "FAMLY20"), OFFERS);
            assertThat(typo.status()).isEqualTo(400);
            assertThat(typo.json().get("errorMessage").asText()).startsWith("OFFER_UNKNOWN");

            Answer held = park.server.send("POST", "/octo/bookings", key, reserve("promo-1", slot, "family20"), OFFERS);
            assertThat(held.status()).as(held.body()).isEqualTo(200);
            JsonNode b = held.json();
            assertThat(b.get("offerCode").asText()).isEqualTo("FAMILY20");
            assertThat(b.get("offerTitle").asText()).isEqualTo("Families: 20 % off children");
            JsonNode child = b.get("unitItems").get(1).get("pricing");
            assertThat(child.get("retail").asInt())
                    .isEqualTo(child.get("original").asInt() * 8 / 10);
            JsonNode total = b.get("pricing");
            assertThat(total.get("original").asInt() - total.get("retail").asInt())
                    .isEqualTo(total.get("offerDiscount").get("retail").asInt())
                    .isPositive();
            assertThat(b.get("offerComparisons").get(0).get("offerTitle").asText())
                    .isEqualTo("Families: 20 % off children");

            Answer sold = park.server.send("POST", "/octo/bookings/promo-1/confirm", key, "{}", OFFERS);
            assertThat(sold.status()).as(sold.body()).isEqualTo(200);
            assertThat(sold.json().get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(sold.json().get("pricing")).isEqualTo(total);
            assertThat(park.admin("GET", "/admin/v1/offers", null)
                            .json()
                            .get(0)
                            .get("redeemed")
                            .asLong())
                    .isEqualTo(1);
            assertThat(park.server.get("/octo/bookings/promo-0", key).status()).isEqualTo(400);
        }
    }

    private static String reserve(String uuid, String slot, String code) {
        return "{\"uuid\":\"" + uuid + "\",\"productId\":\"park-entry\",\"availabilityId\":\"" + slot
                + "\",\"unitItems\":[{\"unitId\":\"park-entry-adult\"},{\"unitId\":\"park-entry-child\","
                + "\"identity\":{\"type\":\"CN_ID\",\"number\":\"" + SON + "\",\"name\":\"赵小明\"}}],"
                + "\"contact\":{\"fullName\":\"Zhao Min\",\"emailAddress\":\"zhao.min@example.com\"},"
                + "\"offerCode\":\"" + code + "\"}";
    }

    /** The first open slot of the 2nd of June for the park's entry: its availability id. */
    static String firstSlot(Park park, String key) {
        return firstSlot(park, key, "2026-06-02");
    }

    /** The first open slot of {@code day} for the park's entry: its availability id. */
    static String firstSlot(Park park, String key, String day) {
        Answer a = park.server.send(
                "POST",
                "/octo/availability",
                key,
                "{\"productId\":\"park-entry\",\"localDate\":\"" + day + "\"}",
                Map.of());
        for (JsonNode s : a.json()) {
            if (s.get("available").asBoolean()) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no open slot: " + a.body());
    }
}
