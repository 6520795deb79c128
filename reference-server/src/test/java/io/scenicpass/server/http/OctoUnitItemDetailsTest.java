package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCTO conformance: the reseller's unit item {@code uuid} and per-item {@code contact} given at reserve, PATCH and
 * confirm are stored and shown back (before, the uuids were the server's and the contact always empty).
 */
class OctoUnitItemDetailsTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String LI = "{\"fullName\":\"Li Lei\",\"emailAddress\":\"li@example.com\",\"country\":\"CN\"}";
    static final String HAN = "{\"fullName\":\"Han Meimei\",\"phoneNumber\":\"+8613800000000\"}";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @AfterEach
    void countersEqualTheBookings() {
        assertThat(ts.server.inventory().repair().check()).isEmpty();
    }

    @Test
    void reservedUuidsAndContactsAreStoredAndShownBack() {
        JsonNode held = ok(ts.post(
                "/octo/bookings",
                key,
                "{\"uuid\":\"ui-1\",\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"" + SLOT
                        + "\",\"unitItems\":[{\"uuid\":\"item-a\",\"unitId\":\"tour-adult\",\"contact\":" + LI
                        + "},{\"uuid\":\"item-b\",\"unitId\":\"tour-child\"}]}"));
        assertThat(uuids(held)).containsExactly("item-a", "item-b");
        JsonNode again = ok(ts.get("/octo/bookings/ui-1", key));
        assertThat(uuids(again)).containsExactly("item-a", "item-b");
        JsonNode contact = again.get("unitItems").get(0).get("contact");
        assertThat(contact.get("fullName").asText()).isEqualTo("Li Lei");
        assertThat(contact.get("emailAddress").asText()).isEqualTo("li@example.com");
        assertThat(contact.get("country").asText()).isEqualTo("CN");
        assertThat(again.get("unitItems").get(1).get("contact").get("fullName").isNull())
                .isTrue();
    }

    @Test
    void patchAndConfirmSetUuidsAndContactsWithoutMovingPlaces() {
        ok(ts.post("/octo/bookings", key, TestServer.reserve("ui-2", "tour", SLOT, "tour-adult", "tour-adult")));
        int before = vacancies();
        JsonNode patched = ok(ts.send(
                "PATCH",
                "/octo/bookings/ui-2",
                key,
                "{\"unitItems\":[{\"uuid\":\"p-1\",\"unitId\":\"tour-adult\",\"contact\":" + LI
                        + "},{\"uuid\":\"p-2\",\"unitId\":\"tour-adult\"}]}",
                Map.of()));
        assertThat(uuids(patched)).containsExactly("p-1", "p-2");
        assertThat(patched.get("unitItems")
                        .get(0)
                        .get("contact")
                        .get("fullName")
                        .asText())
                .isEqualTo("Li Lei");
        assertThat(vacancies()).isEqualTo(before);

        JsonNode confirmed = ok(ts.post(
                "/octo/bookings/ui-2/confirm",
                key,
                "{\"unitItems\":[{\"uuid\":\"p-1\",\"unitId\":\"tour-adult\"},{\"uuid\":\"p-2\","
                        + "\"unitId\":\"tour-adult\",\"contact\":" + HAN + "}]}"));
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(uuids(confirmed)).containsExactly("p-1", "p-2");
        assertThat(confirmed
                        .get("unitItems")
                        .get(0)
                        .get("contact")
                        .get("fullName")
                        .asText())
                .isEqualTo("Li Lei"); // not given again: kept
        assertThat(confirmed
                        .get("unitItems")
                        .get(1)
                        .get("contact")
                        .get("phoneNumber")
                        .asText())
                .isEqualTo("+8613800000000");
        assertThat(confirmed.get("unitItems").get(1).get("ticket").get("deliveryOptions"))
                .isNotEmpty();
        assertThat(vacancies()).isEqualTo(before);

        // a confirmed booking's passes name its items: their uuids stay, their contacts may change
        Answer renamed = ts.send(
                "PATCH",
                "/octo/bookings/ui-2",
                key,
                "{\"unitItems\":[{\"uuid\":\"other\",\"unitId\":\"tour-adult\"},{\"uuid\":\"p-2\",\"unitId\":"
                        + "\"tour-adult\"}]}",
                Map.of());
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        JsonNode recontacted = ok(ts.send(
                "PATCH",
                "/octo/bookings/ui-2",
                key,
                "{\"unitItems\":[{\"unitId\":\"tour-adult\",\"contact\":" + HAN + "},{\"unitId\":\"tour-adult\"}]}",
                Map.of()));
        assertThat(uuids(recontacted)).containsExactly("p-1", "p-2");
        assertThat(recontacted
                        .get("unitItems")
                        .get(0)
                        .get("contact")
                        .get("fullName")
                        .asText())
                .isEqualTo("Han Meimei");
        assertThat(recontacted.get("unitItems").get(0).get("ticket").get("deliveryOptions"))
                .isEqualTo(confirmed.get("unitItems").get(0).get("ticket").get("deliveryOptions")); // same pass
    }

    @Test
    void badItemUuidsAreTypedErrors() {
        for (String items : List.of(
                "[{\"uuid\":\"same\",\"unitId\":\"tour-adult\"},{\"uuid\":\"same\",\"unitId\":\"tour-adult\"}]",
                "[{\"uuid\":\"a b\",\"unitId\":\"tour-adult\"}]",
                "[{\"uuid\":\"" + "x".repeat(65) + "\",\"unitId\":\"tour-adult\"}]")) {
            Answer a = ts.post(
                    "/octo/bookings",
                    key,
                    "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"" + SLOT
                            + "\",\"unitItems\":" + items + "}");
            assertThat(a.status()).as(items).isEqualTo(400);
            assertThat(a.json().get("error").asText()).as(items).isEqualTo("BAD_REQUEST");
            assertThat(a.json().get("errorMessage").asText()).as(items).contains("uuid");
        }
    }

    private static int vacancies() {
        return ok(ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityIds\":[\"" + SLOT + "\"]}"))
                .get(0)
                .get("vacancies")
                .asInt();
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static List<String> uuids(JsonNode booking) {
        List<String> out = new ArrayList<>();
        booking.get("unitItems").forEach(u -> out.add(u.get("uuid").asText()));
        return out;
    }
}
