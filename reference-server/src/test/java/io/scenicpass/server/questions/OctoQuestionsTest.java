package io.scenicpass.server.questions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.testing.OctoSchemas;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code octo/questions} through the real server: questions defined by the operator and shown on products, answers
 * checked, stored and shown on bookings — only for a request that names the capability; erased with the booking's
 * personal data.
 */
class OctoQuestionsTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String UUID6 = "5f0e0c4a-8f55-4c47-9a3d-0c9a2d3e7b61"; // OCTO's schemas want a real uuid
    static final Map<String, String> CAPS = Map.of("Octo-Capabilities", "octo/questions");
    static final String QUESTIONS = "{\"questions\":["
            + "{\"id\":\"diet\",\"optionId\":\"meal-opt\",\"title\":\"Dietary need\",\"required\":true,"
            + "\"inputType\":\"select\",\"selectOptions\":[{\"label\":\"None\",\"value\":\"none\"},"
            + "{\"label\":\"Vegetarian\",\"value\":\"veg\"}]},"
            + "{\"id\":\"arrival\",\"title\":\"Arrival date\",\"required\":false,\"inputType\":\"date\"},"
            + "{\"id\":\"height\",\"unitId\":\"meal-child\",\"title\":\"Height (cm)\",\"required\":true,"
            + "\"inputType\":\"number\"}]}";

    @TempDir
    Path dir;

    TestServer ts;
    String key;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        ts.product("meal", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
        Answer put = ts.send("PUT", "/admin/v1/products/meal/questions", TestServer.ADMIN, QUESTIONS, Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void theBookingsOfACartOrderShowTheirAnswersToo() {
        Map<String, String> both = Map.of("Octo-Capabilities", "octo/cart, octo/questions");
        Answer held = ts.send(
                "POST",
                "/octo/bookings",
                key,
                reserve("q-cart", "[{\"questionId\":\"diet\",\"value\":\"veg\"}]", "112"),
                both);
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        String orderId = held.json().get("orderId").asText();
        JsonNode order =
                ts.send("GET", "/octo/orders/" + orderId, key, null, both).json();
        JsonNode booking = order.get("bookings").get(0);
        assertThat(answer(booking.get("questionAnswers"), "diet").get("value").asText())
                .isEqualTo("veg");
        assertThat(answer(booking.get("unitItems").get(1).get("questionAnswers"), "height")
                        .get("value")
                        .asText())
                .isEqualTo("112");
    }

    @Test
    void withTheCapabilityProductsShowTheirQuestionsAndBookingsTheirAnswers() {
        JsonNode product = send("GET", "/octo/products/meal", null).json();
        assertThat(product.get("questions").get(0).get("id").asText()).isEqualTo("arrival");
        JsonNode option = product.get("options").get(0);
        assertThat(option.get("questions").get(0).get("inputType").asText()).isEqualTo("select");
        assertThat(option.get("questions").get(0).get("selectOptions")).hasSize(2);
        assertThat(option.get("units").get(0).get("questions")).isEmpty();
        assertThat(option.get("units").get(1).get("questions").get(0).get("id").asText())
                .isEqualTo("height");

        Answer held =
                send("POST", "/octo/bookings", reserve("q-1", "[{\"questionId\":\"diet\",\"value\":\"veg\"}]", ""));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.headers().get("octo-capabilities")).contains("octo/questions");
        JsonNode answers = held.json().get("questionAnswers");
        assertThat(answers).hasSize(2); // every question asked of the booking, answered or not
        assertThat(answer(answers, "diet").get("value").asText()).isEqualTo("veg");
        assertThat(answer(answers, "diet").get("question").get("title").asText())
                .isEqualTo("Dietary need");
        assertThat(answer(answers, "arrival").get("value").isNull()).isTrue();
        JsonNode child = held.json().get("unitItems").get(1);
        assertThat(answer(child.get("questionAnswers"), "height").get("value").isNull())
                .isTrue();

        Answer sold = send(
                "POST",
                "/octo/bookings/q-1/confirm",
                "{\"unitItems\":[{\"unitId\":\"meal-adult\"},{\"unitId\":\"meal-child\","
                        + "\"questionAnswers\":[{\"questionId\":\"height\",\"value\":\"112\"}]}]}");
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        JsonNode got = send("GET", "/octo/bookings/q-1", null).json();
        assertThat(got.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(answer(got.get("questionAnswers"), "diet").get("value").asText())
                .isEqualTo("veg");
        assertThat(answer(got.get("unitItems").get(1).get("questionAnswers"), "height")
                        .get("value")
                        .asText())
                .isEqualTo("112");
        assertThat(got.get("unitItems").get(0).get("questionAnswers")).isEmpty();

        // a PATCH changes an answer; a blank value clears one
        Answer patched = send(
                "PATCH",
                "/octo/bookings/q-1",
                "{\"questionAnswers\":[{\"questionId\":\"diet\",\"value\":\"none\"},"
                        + "{\"questionId\":\"arrival\",\"value\":\"2026-06-01\"}]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(answer(patched.json().get("questionAnswers"), "diet")
                        .get("value")
                        .asText())
                .isEqualTo("none");
        assertThat(answer(patched.json().get("questionAnswers"), "arrival")
                        .get("value")
                        .asText())
                .isEqualTo("2026-06-01");
    }

    /** Answers with questions and answers stay valid against OCTO's published schemas (extra fields are allowed). */
    @Test
    void answersWithQuestionsMatchOctosPublishedSchemas() {
        String why = OctoSchemas.unavailable();
        Assumptions.assumeTrue(why == null, why);
        OctoSchemas schemas = OctoSchemas.create();
        schemas.expect(
                "product", "zProduct", send("GET", "/octo/products/meal", null).json());
        Answer held =
                send("POST", "/octo/bookings", reserve(UUID6, "[{\"questionId\":\"diet\",\"value\":\"veg\"}]", "99"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        schemas.expect("held", "zBooking", held.json());
        Answer sold = send("POST", "/octo/bookings/" + UUID6 + "/confirm", "{}");
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        schemas.expect("sold", "zBooking", sold.json());
        schemas.expect(
                "listed",
                "zBookingsGetBookingsResponse",
                send("GET", "/octo/bookings?localDate=2026-06-02", null).json());
        JsonNode result = schemas.check();
        assertThat(result.get("failures")).as(result.toPrettyString()).isEmpty();
    }

    @Test
    void withoutTheCapabilityQuestionsAreNeitherShownNorRequiredAndAnswersAreIgnored() {
        JsonNode product = ts.get("/octo/products/meal", key).json();
        assertThat(product.has("questions")).isFalse();
        assertThat(product.get("options").get(0).has("questions")).isFalse();

        Answer held = ts.post(
                "/octo/bookings", key, reserve("q-2", "[{\"questionId\":\"diet\",\"value\":\"not-an-option\"}]", ""));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().has("questionAnswers")).isFalse();
        Answer sold = ts.post("/octo/bookings/q-2/confirm", key, null);
        assertThat(sold.status()).as(sold.body()).isEqualTo(200);
        assertThat(count("question_answer")).isZero();
    }

    @Test
    void aRequiredAnswerMissingAtConfirmIsUnprocessableAndTheHoldStays() {
        assertThat(send("POST", "/octo/bookings", reserve("q-3", "[]", "")).status())
                .isEqualTo(200);
        Answer a = send("POST", "/octo/bookings/q-3/confirm", null);
        assertThat(a.status()).as(a.body()).isEqualTo(400); // OCTO: UNPROCESSABLE_ENTITY is a 400
        assertThat(a.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(a.json().get("errorMessage").asText()).contains("diet").contains("required");
        assertThat(send("GET", "/octo/bookings/q-3", null).json().get("status").asText())
                .isEqualTo("ON_HOLD");

        // the booking's answer given, the child's height still missing
        a = send(
                "POST",
                "/octo/bookings/q-3/confirm",
                "{\"questionAnswers\":[{\"questionId\":\"diet\",\"value\":\"none\"}]}");
        assertThat(a.status()).as(a.body()).isEqualTo(400); // OCTO: UNPROCESSABLE_ENTITY is a 400
        assertThat(a.json().get("errorMessage").asText()).contains("height").contains("unitItems[1]");

        Answer patched = send(
                "PATCH",
                "/octo/bookings/q-3",
                "{\"questionAnswers\":[{\"questionId\":\"diet\",\"value\":\"none\"}],"
                        + "\"unitItems\":[{\"unitId\":\"meal-adult\"},{\"unitId\":\"meal-child\","
                        + "\"questionAnswers\":[{\"questionId\":\"height\",\"value\":\"98.5\"}]}]}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        a = send("POST", "/octo/bookings/q-3/confirm", null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void badAnswersAreBadRequestsNamingTheQuestionAndNothingIsBooked() {
        Answer a = send("POST", "/octo/bookings", reserve("q-4", "[{\"questionId\":\"diet\",\"value\":\"fish\"}]", ""));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).isEqualTo("BAD_REQUEST");
        assertThat(a.json().get("errorMessage").asText()).contains("diet").contains("selectOptions");

        a = send("POST", "/octo/bookings", reserve("q-4", "[{\"questionId\":\"who\",\"value\":\"x\"}]", ""));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("errorMessage").asText()).contains("unknown question who");

        a = send("POST", "/octo/bookings", reserve("q-4", "[{\"questionId\":\"arrival\",\"value\":\"June 1st\"}]", ""));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("errorMessage").asText()).contains("arrival").doesNotContain("June");

        // the unit question asked of the booking, a too long answer, a number that is not one
        a = send("POST", "/octo/bookings", reserve("q-4", "[{\"questionId\":\"height\",\"value\":\"100\"}]", ""));
        assertThat(a.status()).isEqualTo(400);
        String tooLong = "a".repeat(1001);
        a = send(
                "POST",
                "/octo/bookings",
                reserve("q-4", "[{\"questionId\":\"arrival\",\"value\":\"" + tooLong + "\"}]", ""));
        assertThat(a.status()).isEqualTo(400);
        a = send("POST", "/octo/bookings", reserve("q-4", "[]", "tall"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("errorMessage").asText()).contains("height").contains("number");

        assertThat(send("GET", "/octo/bookings/q-4", null).status()).isEqualTo(400);
        assertThat(count("question_answer")).isZero();
    }

    @Test
    void answersAreErasedWithTheBookingsPersonalDataAfterTheRetentionPeriod() {
        assertThat(send(
                                "POST",
                                "/octo/bookings",
                                reserve("q-5", "[{\"questionId\":\"diet\",\"value\":\"veg\"}]", "120"))
                        .status())
                .isEqualTo(200);
        assertThat(count("question_answer")).isEqualTo(2);
        var erasure = ts.server.identity().erasure;
        ts.clock.set(Instant.parse("2026-07-02T12:00:00Z")); // visit 06-02 + 30 days (the default): still kept
        assertThat(erasure.eraseExpired()).isZero();
        ts.clock.advance(Duration.ofDays(1));
        assertThat(erasure.eraseExpired()).isEqualTo(1);
        assertThat(count("question_answer")).isZero();
    }

    @Test
    void operatorsGetTypedErrorsForBadQuestions() {
        Answer a = ts.send(
                "PUT",
                "/admin/v1/products/meal/questions",
                TestServer.ADMIN,
                "{\"questions\":[{\"id\":\"x\",\"title\":\"X\",\"inputType\":\"select\",\"selectOptions\":[]}]}",
                Map.of());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("selectOptions");
        a = ts.send(
                "PUT",
                "/admin/v1/products/meal/questions",
                TestServer.ADMIN,
                "{\"questions\":[{\"id\":\"x\",\"title\":\"X\",\"inputType\":\"colour\"}]}",
                Map.of());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("inputType");
        a = ts.send(
                "PUT",
                "/admin/v1/products/meal/questions",
                TestServer.ADMIN,
                "{\"questions\":[{\"id\":\"x\",\"unitId\":\"elsewhere\",\"title\":\"X\",\"inputType\":\"text\"}]}",
                Map.of());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).contains("unitId");
        a = ts.send("GET", "/admin/v1/products/nope/questions", TestServer.ADMIN, null, Map.of());
        assertThat(a.status()).isEqualTo(404);
        a = ts.send("GET", "/admin/v1/products/meal/questions", TestServer.ADMIN, null, Map.of());
        assertThat(a.json().get("questions")).hasSize(3);
    }

    /** A reservation of an adult and a child with the booking's answers and the child's height ("": none). */
    private static String reserve(String uuid, String bookingAnswers, String height) {
        String child = height.isEmpty()
                ? "{\"unitId\":\"meal-child\"}"
                : "{\"unitId\":\"meal-child\",\"questionAnswers\":[{\"questionId\":\"height\",\"value\":\"" + height
                        + "\"}]}";
        return "{\"uuid\":\"" + uuid + "\",\"productId\":\"meal\",\"optionId\":\"meal-opt\",\"availabilityId\":\""
                + SLOT + "\",\"questionAnswers\":" + bookingAnswers + ",\"unitItems\":[{\"unitId\":\"meal-adult\"},"
                + child + "]}";
    }

    private Answer send(String method, String path, String body) {
        return ts.send(method, path, key, body, CAPS);
    }

    private static JsonNode answer(JsonNode answers, String questionId) {
        for (JsonNode a : answers) {
            if (a.get("questionId").asText().equals(questionId)) {
                return a;
            }
        }
        throw new AssertionError("no answer to " + questionId + " in " + answers);
    }

    private long count(String table) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))
                        .orElseThrow());
    }
}
