package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.testing.OctoSchemas;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reseller whose own booking system speaks plain OCTO JSON (not our SDK) books tomorrow's park entry the way OCTO's
 * own validator does — no uuid, only unit ids — confirms with nothing but a name, reads answers shaped exactly as
 * OCTO's schemas say (nulls where nothing is known), and the two visitors walk in at the north gate.
 */
class ResellerSpeaksPlainOctoTest {
    @TempDir
    Path dir;

    @Test
    void aPlainOctoResellerBooksWithoutAUuidAndTheVisitorsWalkIn() throws Exception {
        try (Park park = Park.open(dir)) {
            String key = park.demo.channelKeys().get("ctrip");
            JsonNode product = call(park, key, "GET", "/octo/products/park-entry", null);
            JsonNode option = product.get("options").get(0);
            String adult = null;
            for (JsonNode u : option.get("units")) {
                if (u.get("type").asText().equals("ADULT")) {
                    adult = u.get("id").asText();
                }
            }
            JsonNode slots = call(
                    park,
                    key,
                    "POST",
                    "/octo/availability",
                    "{\"productId\":\"park-entry\",\"optionId\":\""
                            + option.get("id").asText() + "\",\"localDate\":\"2026-06-02\"}");
            JsonNode slot = slots.get(0);
            assertThat(slot.get("available").asBoolean()).isTrue();

            JsonNode held = call(
                    park,
                    key,
                    "POST",
                    "/octo/bookings",
                    "{\"productId\":\"park-entry\",\"optionId\":\""
                            + option.get("id").asText()
                            + "\",\"availabilityId\":\"" + slot.get("id").asText() + "\",\"unitItems\":[{\"unitId\":\""
                            + adult + "\"},{\"unitId\":\"" + adult + "\"}]}");
            String uuid = held.get("uuid").asText();
            assertThat(uuid).as("the park named the booking").matches("[0-9a-f-]{36}");
            assertThat(held.get("contact").get("emailAddress").isNull()).isTrue();
            assertThat(held.get("unitItems").get(0).get("ticket").get("deliveryOptions"))
                    .isEmpty();

            JsonNode sold = call(
                    park,
                    key,
                    "POST",
                    "/octo/bookings/" + uuid + "/confirm",
                    "{\"resellerReference\":\"CT-PLAIN-1\",\"contact\":{\"fullName\":\"Zhang Wei\"}}");
            assertThat(sold.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(sold.get("contact").get("fullName").asText()).isEqualTo("Zhang Wei");
            assertThat(sold.get("contact").get("locales")).isEmpty();
            assertThat(sold.get("cancellation").isNull()).isTrue();
            JsonNode listed = call(park, key, "GET", "/octo/bookings?resellerReference=CT-PLAIN-1", null);
            assertThat(listed).hasSize(1);

            String why = OctoSchemas.unavailable();
            if (why == null) { // the same answers, checked against OCTO's published schemas
                OctoSchemas schemas = OctoSchemas.create();
                schemas.expect("product", "zProduct", product);
                schemas.expect("availability", "zAvailabilitiesAvailabilityCheckResponse", slots);
                schemas.expect("held", "zBooking", held);
                schemas.expect("sold", "zBooking", sold);
                schemas.expect("listed", "zBookingsGetBookingsResponse", listed);
                JsonNode result = schemas.check();
                assertThat(result.get("failures")).as(result.toPrettyString()).isEmpty();
            } else {
                System.err.println("*** ResellerSpeaksPlainOctoTest: OCTO schema check skipped: " + why + " ***");
            }

            park.timeIs(OffsetDateTime.parse(slot.get("localDateTimeStart").asText())
                    .toInstant()
                    .plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            for (JsonNode item : sold.get("unitItems")) {
                String qr = item.get("ticket")
                        .get("deliveryOptions")
                        .get(0)
                        .get("deliveryValue")
                        .asText();
                Decision d = north.scan(qr);
                assertThat(d.admitted()).as("visitor: %s", d).isTrue();
            }
        }
    }

    private static JsonNode call(Park park, String key, String method, String path, String body) {
        Answer a = park.server.send(method, path, key, body, Map.of());
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(200);
        return a.json();
    }
}
