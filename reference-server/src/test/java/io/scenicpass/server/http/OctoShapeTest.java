package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OCTO's answer shapes (issue #16): fields OCTO requires are present, written as null when unknown; a reservation
 * may leave out its uuid; errors name the offending id. The zod schemas check the same in OctoSchemaContractTest.
 */
class OctoShapeTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    /** The booking uuid form OCTO's validator demands (lowercase RFC 4122). */
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9][0-9a-f]{3}-[089ab][0-9a-f]{3}-[0-9a-f]{12}";

    static final List<String> CONTACT_FIELDS = List.of(
            "fullName", "firstName", "lastName", "emailAddress", "phoneNumber", "postalCode", "country", "notes");

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of("area.email", "info@park.example"));
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.product("group", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, true, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    static String reserveWithoutUuid(String product, String... unitIds) {
        String body = TestServer.reserve("x", product, SLOT, unitIds).replace("\"uuid\":\"x\",", "");
        assertThat(body).doesNotContain("uuid");
        return body;
    }

    @Test
    void supplierContactHasEveryFieldNullWhenNotConfigured() {
        JsonNode c = ts.get("/octo/supplier", key).json().get("contact");
        assertThat(c.get("email").asText()).isEqualTo("info@park.example");
        assertThat(c.get("website").asText()).startsWith("http");
        for (String f : List.of("telephone", "address")) {
            assertThat(c.has(f)).as(f).isTrue();
            assertThat(c.get(f).isNull()).as(f).isTrue();
        }
    }

    @Test
    void unitsCarryEveryRestrictionAndTheirRequiredContactFields() {
        JsonNode units =
                ts.get("/octo/products/tour", key).json().get("options").get(0).get("units");
        for (JsonNode u : units) {
            JsonNode r = u.get("restrictions");
            assertThat(r.get("minAge").isInt()).isTrue();
            assertThat(r.get("maxAge").isInt())
                    .as("an adult without an upper age still has a whole maxAge")
                    .isTrue();
            assertThat(r.has("minQuantity") && r.get("minQuantity").isNull()).isTrue();
            assertThat(r.has("maxQuantity") && r.get("maxQuantity").isNull()).isTrue();
            assertThat(r.get("accompaniedBy").isArray()).isTrue();
            assertThat(u.get("requiredContactFields").isArray()).isTrue();
        }
        assertThat(units.get(0).get("restrictions").get("maxAge").asInt()).isEqualTo(150);
    }

    @Test
    void productsSayHowPricesApplyOnlyToAChannelAskingForPrices() {
        JsonNode priced = ts.send("GET", "/octo/products/tour", key, null, Map.of("Octo-Capabilities", "octo/pricing"))
                .json();
        assertThat(priced.get("pricingPer").asText()).isEqualTo("UNIT");
        assertThat(ts.get("/octo/products/tour", key).json().has("pricingPer")).isFalse();
    }

    @Test
    void aReservationWithoutUuidGetsTheServersOwnAndShowsEveryRequiredField() {
        Answer a = ts.post("/octo/bookings", key, reserveWithoutUuid("tour", "tour-adult", "tour-child"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode b = a.json();
        String uuid = b.get("uuid").asText();
        assertThat(uuid).matches(UUID);
        assertThat(b.get("id").asText()).isEqualTo(uuid);
        for (String f :
                List.of("resellerReference", "notes", "utcConfirmedAt", "utcRedeemedAt", "cancellation", "voucher")) {
            assertThat(b.has(f)).as(f).isTrue();
            assertThat(b.get(f).isNull()).as(f).isTrue();
        }
        assertEmptyContact(b.get("contact"));
        JsonNode av = b.get("availability");
        assertThat(av.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(av.get("openingHours").get(0).get("from").asText()).isEqualTo("10:00");
        for (JsonNode item : b.get("unitItems")) {
            assertThat(item.get("uuid").asText()).matches(UUID);
            assertThat(item.get("utcRedeemedAt").isNull()).isTrue();
            assertEmptyContact(item.get("contact"));
            JsonNode t = item.get("ticket");
            assertThat(t.get("redemptionMethod").asText()).isEqualTo("DIGITAL");
            assertThat(t.has("utcRedeemedAt") && t.get("utcRedeemedAt").isNull())
                    .isTrue();
            assertThat(t.get("deliveryOptions")).isEmpty();
        }
        assertThat(ts.get("/octo/bookings/" + uuid, key).json().get("uuid").asText())
                .isEqualTo(uuid);

        // without a uuid there is nothing to replay: the same body twice is two bookings
        String second = ts.post("/octo/bookings", key, reserveWithoutUuid("tour", "tour-adult"))
                .json()
                .get("uuid")
                .asText();
        assertThat(second).matches(UUID).isNotEqualTo(uuid);

        // cancelled without a reason: the cancellation is there with a null reason; the tickets stay (empty)
        JsonNode c = ts.post("/octo/bookings/" + uuid + "/cancel", key, null).json();
        assertThat(c.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(c.get("cancellation").has("reason")).isTrue();
        assertThat(c.get("cancellation").get("reason").isNull()).isTrue();
        assertThat(c.get("utcExpiresAt").isNull()).isTrue();
        assertThat(c.get("unitItems").get(0).get("ticket").get("deliveryOptions"))
                .isEmpty();
    }

    @Test
    void aConfirmedBookingKeepsAContactsMissingFieldsAsNulls() {
        String uuid = ts.post("/octo/bookings", key, reserveWithoutUuid("tour", "tour-adult"))
                .json()
                .get("uuid")
                .asText();
        JsonNode b = ts.post(
                        "/octo/bookings/" + uuid + "/confirm",
                        key,
                        "{\"resellerReference\":\"R-9\",\"contact\":{\"fullName\":\"Li Lei\"}}")
                .json();
        assertThat(b.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(b.get("utcConfirmedAt").asText()).endsWith("Z");
        assertThat(b.get("contact").get("fullName").asText()).isEqualTo("Li Lei");
        assertThat(b.get("contact").get("emailAddress").isNull()).isTrue();
        assertThat(b.get("contact").get("locales")).isEmpty();
        assertThat(b.get("unitItems").get(0).get("ticket").get("deliveryOptions"))
                .hasSize(1);
        assertThat(b.get("voucher").isNull()).isTrue();
    }

    @Test
    void aGroupBookingAlwaysCarriesItsVoucherAndNoTickets() {
        JsonNode held = ts.post("/octo/bookings", key, reserveWithoutUuid("group", "group-adult", "group-adult"))
                .json();
        assertThat(held.get("voucher").get("redemptionMethod").asText()).isEqualTo("DIGITAL");
        assertThat(held.get("voucher").get("deliveryOptions")).isEmpty();
        assertThat(held.get("unitItems").get(0).get("ticket").isNull()).isTrue();
        JsonNode sold = ts.post("/octo/bookings/" + held.get("uuid").asText() + "/confirm", key, null)
                .json();
        assertThat(sold.get("voucher").get("deliveryOptions")).hasSize(1);
    }

    /** An e-mail address OCTO's schemas would not accept is refused, so no answer ever shows one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"not-an-email", "li@example", "li..lei@example.com", "李雷@例子.中国"})
    void aContactEmailOctoWouldRefuseIsABadRequest(String email) {
        String body = reserveWithoutUuid("tour", "tour-adult")
                .replace("\"unitItems\"", "\"contact\":{\"emailAddress\":\"" + email + "\"},\"unitItems\"");
        Answer a = ts.post("/octo/bookings", key, body);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(a.json().get("errorMessage").asText()).contains("contact.emailAddress");
        Answer ok = ts.post("/octo/bookings", key, body.replace(email, "li.lei+ota@example.com.cn"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }

    /** The reservation errors in the order OCTO's validator probes them, each naming the offending id. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"productId\":\"nope\"}|INVALID_PRODUCT_ID|productId|nope",
                "{\"productId\":\"tour\",\"optionId\":\"nope\"}|INVALID_OPTION_ID|optionId|nope",
                "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"2026-06-02T10:00:00+08:00\"}|UNPROCESSABLE_ENTITY||",
                "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"2026-06-02T10:00:00+08:00\",\"unitItems\":[]}|UNPROCESSABLE_ENTITY||",
                "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"2026-06-02T10:00:00+08:00\",\"unitItems\":[{\"unitId\":\"nope\"}]}|INVALID_UNIT_ID|unitId|nope",
                "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"nope\",\"unitItems\":[{\"unitId\":\"tour-adult\"}]}|INVALID_AVAILABILITY_ID|availabilityId|nope",
            })
    void reservationErrorsWithoutUuidNameTheOffendingId(String body, String error, String field, String value) {
        Answer a = ts.post("/octo/bookings", key, body);
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo(error);
        assertThat(a.json().get("errorMessage").asText()).isNotBlank();
        if (field != null) {
            assertThat(a.json().get(field).asText()).isEqualTo(value);
        }
    }

    private static void assertEmptyContact(JsonNode c) {
        for (String f : CONTACT_FIELDS) {
            assertThat(c.has(f)).as(f).isTrue();
            assertThat(c.get(f).isNull()).as(f).isTrue();
        }
        assertThat(c.get("locales").isArray()).isTrue();
        assertThat(c.get("locales")).isEmpty();
    }
}
