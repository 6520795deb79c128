package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OTA that speaks {@code octo/questions} books the Yungu cable car for a parent and a child: the product asks the
 * child's height, the confirm without it is refused, the confirm with it goes through, and the OTA reads the answer
 * back on the booking. Without the capability the same OTA sees none of it.
 */
class OtaAnswersTheParksQuestionsTest {
    /** The child's document: the cable car's child unit is sold by real name (it proves the age). */
    static final String CHILD_ID =
            IdentityFixture.identity("CN_ID", IdentityFixture.cnId("20180601", "137"), "王小明", null);

    static final Map<String, String> QUESTIONS = Map.of("Octo-Capabilities", "octo/questions");

    @TempDir
    Path dir;

    @Test
    void anOtaBooksTheCableCarWithTheChildsHeightAndReadsItBack() throws Exception {
        try (Park park = Park.open(dir)) {
            String key = park.demo.channelKeys().get("ctrip");
            JsonNode product = call(park, key, "GET", "/octo/products/park-cablecar", null, QUESTIONS);
            JsonNode option = product.get("options").get(0);
            String adult = null;
            String child = null;
            JsonNode heightQuestion = null;
            for (JsonNode u : option.get("units")) {
                if (u.get("type").asText().equals("ADULT")) {
                    adult = u.get("id").asText();
                    assertThat(u.get("questions")).isEmpty();
                } else if (u.get("type").asText().equals("CHILD")) {
                    child = u.get("id").asText();
                    heightQuestion = u.get("questions").get(0);
                }
            }
            assertThat(heightQuestion.get("inputType").asText()).isEqualTo("number");
            assertThat(heightQuestion.get("required").asBoolean()).isTrue();
            String questionId = heightQuestion.get("id").asText();

            JsonNode slot = call(
                            park,
                            key,
                            "POST",
                            "/octo/availability",
                            "{\"productId\":\"park-cablecar\",\"optionId\":\""
                                    + option.get("id").asText() + "\",\"localDate\":\"2026-06-02\"}",
                            QUESTIONS)
                    .get(0);
            JsonNode held = call(
                    park,
                    key,
                    "POST",
                    "/octo/bookings",
                    "{\"productId\":\"park-cablecar\",\"optionId\":\""
                            + option.get("id").asText()
                            + "\",\"availabilityId\":\"" + slot.get("id").asText() + "\",\"unitItems\":[{\"unitId\":\""
                            + adult + "\"},{\"unitId\":\"" + child + "\",\"identity\":" + CHILD_ID + "}]}",
                    QUESTIONS);
            String uuid = held.get("uuid").asText();
            JsonNode asked = held.get("unitItems").get(1).get("questionAnswers").get(0);
            assertThat(asked.get("questionId").asText()).isEqualTo(questionId);
            assertThat(asked.get("value").isNull()).as("not answered yet").isTrue();

            Answer refused = park.server.send(
                    "POST",
                    "/octo/bookings/" + uuid + "/confirm",
                    key,
                    "{\"contact\":{\"fullName\":\"Wang Fang\"}}",
                    QUESTIONS);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
            assertThat(refused.json().get("errorMessage").asText()).contains(questionId);

            JsonNode sold = call(
                    park,
                    key,
                    "POST",
                    "/octo/bookings/" + uuid + "/confirm",
                    "{\"contact\":{\"fullName\":\"Wang Fang\"},\"unitItems\":[{\"unitId\":\"" + adult
                            + "\"},{\"unitId\":\"" + child + "\",\"identity\":" + CHILD_ID
                            + ",\"questionAnswers\":[{\"questionId\":\"" + questionId
                            + "\",\"value\":\"115\"}]}]}",
                    QUESTIONS);
            assertThat(sold.get("status").asText()).isEqualTo("CONFIRMED");

            JsonNode read = call(park, key, "GET", "/octo/bookings/" + uuid, null, QUESTIONS);
            JsonNode answer =
                    read.get("unitItems").get(1).get("questionAnswers").get(0);
            assertThat(answer.get("value").asText()).isEqualTo("115");
            assertThat(answer.get("question").get("title").asText()).contains("cm");

            JsonNode plain = call(park, key, "GET", "/octo/bookings/" + uuid, null, Map.of());
            assertThat(plain.has("questionAnswers")).isFalse();
            assertThat(plain.get("unitItems").get(1).has("questionAnswers")).isFalse();
        }
    }

    private static JsonNode call(
            Park park, String key, String method, String path, String body, Map<String, String> headers) {
        Answer a = park.server.send(method, path, key, body, headers);
        assertThat(a.status()).as(method + " " + path + ": " + a.body()).isEqualTo(200);
        return a.json();
    }
}
