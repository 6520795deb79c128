package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the OCTO API gives away and takes in: the supplier's endpoint comes from configuration, never from the
 * request's Host header; prices only to a channel that asked for {@code octo/pricing}; free-text fields are bounded
 * (references 200 characters, notes 2,000, contact fields 200) with a typed 400 and nothing stored.
 */
class OctoExposureTest {
    private static final Map<String, String> PRICING = Map.of("Octo-Capabilities", "octo/pricing");

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir, Map.of("http.publicUrl", "https://tickets.example.com/"));
        key = ts.channel("ota", 10_000, 10_000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void theSupplierEndpointIsTheConfiguredPublicUrlWhateverTheHostHeader() {
        Answer a = ts.send("GET", "/octo/supplier", key, null, Map.of("Host", "evil.example:666"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).doesNotContain("evil.example");
        assertThat(a.json().path("endpoint").asText()).isEqualTo("https://tickets.example.com/octo");
        assertThat(a.json().path("contact").path("website").asText()).isEqualTo("https://tickets.example.com");
    }

    @Test
    void bookingPricesOnlyWithThePricingCapability() {
        Answer held = ts.post("/octo/bookings", key, SecurityFixture.reserveBody("px-1", "R-PX"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertNoPricing(held.json());
        assertNoPricing(ts.get("/octo/bookings/px-1", key).json());
        assertNoPricing(ts.send("GET", "/octo/bookings/px-1", key, null, Map.of("Octo-Capabilities", "octo/pricingX"))
                .json());
        assertNoPricing(
                ts.get("/octo/bookings?resellerReference=R-PX", key).json().get(0));
        Answer confirmed = ts.post("/octo/bookings/px-1/confirm", key, "{}");
        assertNoPricing(confirmed.json());
        JsonNode priced =
                ts.send("GET", "/octo/bookings/px-1", key, null, PRICING).json();
        assertThat(priced.path("pricing").path("retail").asInt()).isEqualTo(10000);
        assertThat(priced.path("unitItems")
                        .get(0)
                        .path("pricing")
                        .path("retail")
                        .asInt())
                .isEqualTo(10000);

        JsonNode product = ts.get("/octo/products/tour", key).json();
        assertThat(product.toString()).doesNotContain("pricingFrom").doesNotContain("retail");
        Answer avail = ts.post("/octo/availability", key, "{\"productId\":\"tour\",\"localDate\":\"2026-06-02\"}");
        assertThat(avail.status()).as(avail.body()).isEqualTo(200);
        assertThat(avail.body()).doesNotContain("unitPricing").doesNotContain("retail");
        Answer cal = ts.post(
                "/octo/availability/calendar",
                key,
                "{\"productId\":\"tour\",\"localDateStart\":\"2026-06-02\",\"localDateEnd\":\"2026-06-03\"}");
        assertThat(cal.body()).doesNotContain("unitPricing").doesNotContain("retail");
    }

    private static void assertNoPricing(JsonNode booking) {
        assertThat(booking.path("uuid").asText()).isNotEmpty();
        assertThat(booking.has("pricing")).as(booking.toString()).isFalse();
        for (JsonNode item : booking.path("unitItems")) {
            assertThat(item.has("pricing")).as(item.toString()).isFalse();
        }
    }

    @Test
    void oversizedFreeTextIsRefusedWithATypedErrorAndNothingIsStored() {
        String big = "x".repeat(300_000);
        String[] bodies = {
            // a unit item's resellerReference of 300,000 characters
            "{\"uuid\":\"ft-1\",\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\""
                    + SecurityFixture.SLOT + "\",\"unitItems\":[{\"unitId\":\"tour-adult\",\"resellerReference\":\""
                    + big + "\"}]}",
            reserve("ft-2", "\"resellerReference\":\"" + "r".repeat(201) + "\""),
            reserve("ft-3", "\"notes\":\"" + "n".repeat(2001) + "\""),
            reserve("ft-4", "\"contact\":{\"fullName\":\"" + "f".repeat(201) + "\"}"),
            reserve("ft-5", "\"contact\":{\"emailAddress\":\"" + "e".repeat(300) + "@x.cn\"}"),
            reserve("ft-6", "\"contact\":{\"locales\":[\"" + "l".repeat(100) + "\"]}"),
        };
        for (String body : bodies) {
            Answer a = ts.post("/octo/bookings", key, body);
            assertThat(a.status())
                    .as(a.body().substring(0, Math.min(300, a.body().length())))
                    .isEqualTo(400);
            assertThat(a.json().path("error").asText()).isEqualTo("BAD_REQUEST");
            assertThat(a.json().path("errorMessage").asText()).containsAnyOf("resellerReference", "notes", "contact");
        }
        assertThat(SecurityFixture.count(ts, "SELECT COUNT(*) FROM booking WHERE uuid LIKE 'ft-%'", null))
                .isZero();

        SecurityFixture.hold(ts, key, "ft-ok", "R-OK");
        Answer patch =
                ts.send("PATCH", "/octo/bookings/ft-ok", key, "{\"notes\":\"" + "n".repeat(2001) + "\"}", Map.of());
        assertThat(patch.status()).isEqualTo(400);
        Answer confirm = ts.post("/octo/bookings/ft-ok/confirm", key, "{\"resellerReference\":\"" + big + "\"}");
        assertThat(confirm.status()).isEqualTo(400);
        Answer cancel = ts.post("/octo/bookings/ft-ok/cancel", key, "{\"reason\":\"" + big + "\"}");
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(ts.get("/octo/bookings/ft-ok", key).json().path("status").asText())
                .isEqualTo("ON_HOLD");
        // at the bounds: accepted
        Answer atBound = ts.post(
                "/octo/bookings",
                key,
                reserve(
                        "ft-7",
                        "\"resellerReference\":\"" + "r".repeat(200) + "\",\"notes\":\"" + "n".repeat(2000)
                                + "\",\"contact\":{\"fullName\":\"" + "f".repeat(200) + "\"}"));
        assertThat(atBound.status()).as(atBound.body()).isEqualTo(200);
    }

    private static String reserve(String uuid, String extra) {
        return "{\"uuid\":\"" + uuid + "\",\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\""
                + SecurityFixture.SLOT + "\"," + extra + ",\"unitItems\":[{\"unitId\":\"tour-adult\"}]}";
    }
}
