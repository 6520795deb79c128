package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.OctoSchemas;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract test of issue #16: every answer of the real server in a full OCTO booking flow (supplier, products,
 * availability, reserve, extend, update, confirm, get, list, cancel, and the errors), with and without
 * {@code Octo-Capabilities: octo/pricing}, is valid against the OCTO project's own published zod schemas
 * ({@code @octocloud/types}), run with node; our request bodies are checked against OCTO's request schemas too.
 * Skips loudly when node or the package is missing ({@code ./scenicpass test} installs both).
 */
class OctoSchemaContractTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String CONTACT = "{\"fullName\":\"Li Lei\",\"firstName\":\"Lei\",\"lastName\":\"Li\","
            + "\"emailAddress\":\"li@example.com\",\"phoneNumber\":\"+8613800000000\",\"locales\":[\"zh-CN\"],"
            + "\"country\":\"CN\",\"notes\":\"wheelchair\"}";

    /** Content with every OCTO content field (octo/content), a server-relative cover and a place. */
    static final String CONTENT = "{\"title\":\"Huangshan\",\"shortDescription\":\"Peaks\",\"description\":null,"
            + "\"features\":[{\"type\":\"INCLUSION\",\"shortDescription\":\"Entry\"}],"
            + "\"faqs\":[{\"question\":\"Print?\",\"answer\":\"No\"}],"
            + "\"media\":[{\"src\":\"/media/huangshan-cover.png\",\"type\":\"image/png\",\"rel\":\"COVER\"}],"
            + "\"locations\":[{\"title\":\"South Gate\",\"types\":[\"START\",\"REDEMPTION\"],"
            + "\"place\":{\"latitude\":30.07,\"longitude\":118.16,\"postalAddress\":{\"addressCountry\":\"CN\"}}}],"
            + "\"categoryLabels\":[\"outdoors\"],\"durationMinutesFrom\":240,\"durationMinutesTo\":600,"
            + "\"commentary\":[{\"format\":\"WRITTEN\",\"language\":\"en\"}],"
            + "\"options\":{\"tour-opt\":{\"faqs\":[{\"question\":\"When?\",\"answer\":\"8-18\"}]}},"
            + "\"units\":{\"tour-adult\":{\"title\":\"Adult\",\"shortDescription\":\"18+\","
            + "\"features\":[{\"type\":\"PREARRIVAL_INFORMATION\",\"shortDescription\":\"Bring ID\"}]}}}";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        String why = OctoSchemas.unavailable();
        if (why != null) {
            System.err.println("\n*** SKIPPING OctoSchemaContractTest: " + why + " ***\n");
        }
        Assumptions.assumeTrue(why == null, why);
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.product("group", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, true, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
        for (String locale : new String[] {"zh-CN", "en"}) {
            Answer put =
                    ts.send("PUT", "/admin/v1/products/tour/content/" + locale, TestServer.ADMIN, CONTENT, Map.of());
            assertThat(put.status()).as(put.body()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        if (ts != null) {
            ts.close();
        }
    }

    @Test
    void everyAnswerOfAFullBookingFlowMatchesOctosPublishedSchemas() {
        OctoSchemas schemas = OctoSchemas.create();
        new Flow(schemas, "core", Map.of()).run();
        new Flow(schemas, "pricing", Map.of("Octo-Capabilities", "octo/pricing")).run();
        Map<String, String> content =
                Map.of("Octo-Capabilities", "octo/pricing, octo/content", "Accept-Language", "en");
        new Flow(schemas, "content", content).run();
        contentParts(schemas, content);
        JsonNode result = schemas.check();
        assertThat(result.get("version").asText()).isEqualTo("2.0.4");
        assertThat(result.get("checked").asInt()).isEqualTo(schemas.size()).isGreaterThan(60);
        assertThat(result.get("failures")).as(result.toPrettyString()).isEmpty();
    }

    /** octo/content: the content parts of a product, option, unit and availability against OCTO's *Content schemas. */
    private static void contentParts(OctoSchemas schemas, Map<String, String> headers) {
        JsonNode product =
                ts.send("GET", "/octo/products/tour", key, null, headers).json();
        assertThat(product.get("faqs")).isNotEmpty();
        schemas.expect("content product", "zProductContent", product);
        schemas.expect(
                "content option", "zOptionContent", product.get("options").get(0));
        for (JsonNode unit : product.get("options").get(0).get("units")) {
            schemas.expect("content unit " + unit.get("id").asText(), "zUnitContent", unit);
        }
        JsonNode av = ts.send(
                        "POST",
                        "/octo/availability",
                        key,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDate\":\"2026-06-02\"}",
                        headers)
                .json();
        schemas.expect("content availability", "zAvailabilityContent", av.get(0));
    }

    /** The check itself can fail: a booking without its contact, or with a time that is not UTC, is refused. */
    @Test
    void theSchemasRefuseAnAnswerMissingARequiredField() throws Exception {
        String uuid = ts.post(
                        "/octo/bookings",
                        key,
                        TestServer.reserve(UUID.randomUUID().toString(), "tour", SLOT, "tour-adult"))
                .json()
                .get("uuid")
                .asText();
        JsonNode good = ts.get("/octo/bookings/" + uuid, key).json();
        JsonNode noContact = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noContact).remove("contact");
        JsonNode localTime = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) localTime).put("utcCreatedAt", "2026-06-01T08:00:00+08:00");
        OctoSchemas schemas = OctoSchemas.create();
        schemas.expect("good", "zBooking", good);
        schemas.expect("no contact", "zBooking", noContact);
        schemas.expect("local time", "zBooking", localTime);
        // octo/content: media must be absolute URLs (the server resolves its own /media/… paths for that)
        JsonNode product = ts.send("GET", "/octo/products/tour", key, null, Map.of("Octo-Capabilities", "octo/content"))
                .json();
        JsonNode relative = product.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) relative.get("media").get(0)).put("src", "/media/a.png");
        schemas.expect("content", "zProduct", product);
        schemas.expect("relative media", "zProduct", relative);
        JsonNode failures = schemas.check().get("failures");
        assertThat(failures).hasSize(3);
        assertThat(failures.get(2).get("name").asText()).isEqualTo("relative media");
        assertThat(failures.get(2).get("issues").get(0).asText()).startsWith("media.0.src");
        assertThat(failures.get(0).get("name").asText()).isEqualTo("no contact");
        assertThat(failures.get(0).get("issues").get(0).asText()).startsWith("contact");
        assertThat(failures.get(1).get("name").asText()).isEqualTo("local time");
    }

    /** One pass through the OCTO endpoints with the given headers, queuing each answer (and request) for the schemas. */
    private record Flow(OctoSchemas schemas, String tag, Map<String, String> headers) {
        void run() {
            ok("supplier", "zSupplier", call("GET", "/octo/supplier", null));
            ok("products", "zProductsGetProductsResponse", call("GET", "/octo/products", null));
            ok("product", "zProduct", call("GET", "/octo/products/tour", null));
            ok(
                    "calendar",
                    "zAvailabilitiesAvailabilityCalendarResponse",
                    call(
                            "POST",
                            "/octo/availability/calendar",
                            "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDateStart\":\"2026-06-01\","
                                    + "\"localDateEnd\":\"2026-06-07\"}"));
            ok(
                    "availability range",
                    "zAvailabilitiesAvailabilityCheckResponse",
                    call(
                            "POST",
                            "/octo/availability",
                            "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDateStart\":\"2026-06-01\","
                                    + "\"localDateEnd\":\"2026-06-03\"}"));
            ok(
                    "availability ids",
                    "zAvailabilitiesAvailabilityCheckResponse",
                    call(
                            "POST",
                            "/octo/availability",
                            "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityIds\":[\"" + SLOT
                                    + "\"]}"));

            // a ticket booking: reserved without uuid (OCTO lets the supplier name it), through to cancellation
            String reserve = "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"" + SLOT + "\","
                    + "\"resellerReference\":\"R-" + tag + "\",\"contact\":" + CONTACT + ",\"unitItems\":["
                    + "{\"unitId\":\"tour-adult\",\"contact\":{\"fullName\":\"Han Meimei\"}},{\"unitId\":\"tour-child\"}]}";
            request("reserve", "zBookingReservationBody", reserve);
            JsonNode held = ok("reserve", "zBooking", call("POST", "/octo/bookings", reserve));
            String uuid = held.get("uuid").asText();
            ok("extend", "zBooking", call("POST", "/octo/bookings/" + uuid + "/extend", "{\"expirationMinutes\":45}"));
            String update = "{\"notes\":\"late arrival\",\"contact\":" + CONTACT + "}";
            request("update", "zBookingUpdateBody", update);
            ok("update", "zBooking", call("PATCH", "/octo/bookings/" + uuid, update));
            String confirm = "{\"resellerReference\":\"R-" + tag + "\",\"contact\":{\"fullName\":\"Li Lei\"}}";
            request("confirm", "zBookingConfirmationBody", confirm);
            JsonNode sold = ok("confirm", "zBooking", call("POST", "/octo/bookings/" + uuid + "/confirm", confirm));
            assertThat(sold.get("status").asText()).isEqualTo("CONFIRMED");
            ok("get", "zBooking", call("GET", "/octo/bookings/" + uuid, null));
            ok(
                    "list by reseller reference",
                    "zBookingsGetBookingsResponse",
                    call("GET", "/octo/bookings?resellerReference=R-" + tag, null));
            ok(
                    "list by supplier reference",
                    "zBookingsGetBookingsResponse",
                    call(
                            "GET",
                            "/octo/bookings?supplierReference="
                                    + sold.get("supplierReference").asText(),
                            null));
            ok(
                    "list by date",
                    "zBookingsGetBookingsResponse",
                    call("GET", "/octo/bookings?localDate=2026-06-02", null));
            String cancel = "{\"reason\":\"plans changed\"}";
            request("cancel", "zBookingCancellationBody", cancel);
            ok("cancel confirmed", "zBooking", call("POST", "/octo/bookings/" + uuid + "/cancel", cancel));

            // a group (voucher) booking under the reseller's own uuid, confirmed; a hold cancelled with DELETE
            String group =
                    TestServer.reserve(UUID.randomUUID().toString(), "group", SLOT, "group-adult", "group-adult");
            request("reserve group", "zBookingReservationBody", group);
            String g = ok("reserve group", "zBooking", call("POST", "/octo/bookings", group))
                    .get("uuid")
                    .asText();
            ok("confirm group", "zBooking", call("POST", "/octo/bookings/" + g + "/confirm", "{\"contact\":{}}"));
            String h = ok(
                            "reserve hold",
                            "zBooking",
                            call(
                                    "POST",
                                    "/octo/bookings",
                                    TestServer.reserve(UUID.randomUUID().toString(), "tour", SLOT, "tour-adult")))
                    .get("uuid")
                    .asText();
            ok("cancel hold", "zBooking", call("DELETE", "/octo/bookings/" + h, null));

            // errors, each in OCTO's error shape with the offending id
            error("unknown product", "zErrorInvalidProductId", 400, call("GET", "/octo/products/nope", null));
            error(
                    "unknown option",
                    "zErrorInvalidOptionId",
                    400,
                    call(
                            "POST",
                            "/octo/availability",
                            "{\"productId\":\"tour\",\"optionId\":\"nope\",\"localDate\":\"2026-06-02\"}"));
            error(
                    "unknown unit",
                    "zErrorInvalidUnitId",
                    400,
                    call(
                            "POST",
                            "/octo/bookings",
                            reserve.replace("\"unitId\":\"tour-child\"", "\"unitId\":\"nope\"")));
            error(
                    "unknown availability",
                    "zErrorInvalidAvailabilityId",
                    400,
                    call("POST", "/octo/bookings", reserve.replace(SLOT, "2026-06-02T09:00:00+08:00")));
            error(
                    "no unit items",
                    "zErrorUnprocessableEntity",
                    400,
                    call(
                            "POST",
                            "/octo/bookings",
                            "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"" + SLOT
                                    + "\",\"unitItems\":[]}"));
            error("unknown booking", "zErrorInvalidBookingUuid", 400, call("GET", "/octo/bookings/nope", null));
            error("list without filter", "zErrorBadRequest", 400, call("GET", "/octo/bookings", null));
            error("wrong key", "zErrorUnauthorized", 401, ts.send("GET", "/octo/products", "wrong-key", null, headers));
        }

        private Answer call(String method, String path, String body) {
            return ts.send(method, path, key, body, headers);
        }

        private JsonNode ok(String name, String schema, Answer a) {
            assertThat(a.status()).as(tag + " " + name + ": " + a.body()).isEqualTo(200);
            schemas.expect(tag + " " + name, schema, a.json());
            return a.json();
        }

        private void error(String name, String schema, int status, Answer a) {
            assertThat(a.status()).as(tag + " " + name + ": " + a.body()).isEqualTo(status);
            schemas.expect(tag + " " + name, schema, a.json());
        }

        private void request(String name, String schema, String body) {
            try {
                schemas.expect(tag + " " + name + " (request)", schema, TestServer.MAPPER.readTree(body));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
