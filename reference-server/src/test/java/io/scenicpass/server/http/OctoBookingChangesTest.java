package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Instant;
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
 * Issue 16: {@code PATCH /octo/bookings/{uuid}} moves a booking to another availability, unit items, product or option
 * with the places moved in one transaction (refused and unchanged when the target is full), passes of a confirmed
 * booking reissued and the old ones revoked; confirm may replace the unit items. After each test the counters equal
 * the sum of the bookings (the inventory audit).
 */
class OctoBookingChangesTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ts.product("river", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ts.product("small", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 3, false, 60, null);
        key = ts.channel("ota-a", 1000, 1000, "http://203.0.113.9:9/hook"); // TEST-NET-3: queued, never delivered
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
    void movingAHoldToAnotherDayTakesTheNewPlacesAndGivesTheOldOnesBack() {
        String from = "2026-06-02T10:00:00+08:00";
        String to = "2026-06-03T12:00:00+08:00";
        JsonNode held = ok(
                ts.post("/octo/bookings", key, TestServer.reserve("mv-1", "tour", from, "tour-adult", "tour-child")));
        Answer moved = patch("mv-1", "{\"availabilityId\":\"" + to + "\",\"notes\":\"moved\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("availabilityId").asText()).isEqualTo(to);
        assertThat(moved.json().get("availability").get("id").asText()).isEqualTo(to);
        assertThat(moved.json().get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(moved.json().get("notes").asText()).isEqualTo("moved");
        assertThat(uuids(moved.json())).isEqualTo(uuids(held)); // resellers' references to the items survive
        assertThat(vacancies("tour", from)).isEqualTo(10);
        assertThat(vacancies("tour", to)).isEqualTo(8);

        Answer retried = patch("mv-1", "{\"availabilityId\":\"" + to + "\",\"notes\":\"moved\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("availabilityId").asText()).isEqualTo(to);
        assertThat(vacancies("tour", to)).isEqualTo(8); // a retry moves nothing twice
    }

    @Test
    void aMoveToAFullSlotIsRefusedAndChangesNothing() {
        String full = "2026-06-04T10:00:00+08:00";
        String mine = "2026-06-04T12:00:00+08:00";
        String[] nine = new String[9];
        java.util.Arrays.fill(nine, "tour-adult");
        ok(ts.post("/octo/bookings", key, TestServer.reserve("full-1", "tour", full, nine)));
        ok(ts.post("/octo/bookings", key, TestServer.reserve("mv-2", "tour", mine, "tour-adult", "tour-adult")));

        Answer refused = patch("mv-2", "{\"availabilityId\":\"" + full + "\",\"notes\":\"should not stick\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        JsonNode after = ok(ts.get("/octo/bookings/mv-2", key));
        assertThat(after.get("availabilityId").asText()).isEqualTo(mine);
        assertThat(after.path("notes").isTextual()).isFalse();
        assertThat(vacancies("tour", full)).isEqualTo(1);
        assertThat(vacancies("tour", mine)).isEqualTo(8);

        // unknown targets are refused with their own codes before anything is written
        assertThat(error(patch("mv-2", "{\"productId\":\"nope\"}"))).isEqualTo("INVALID_PRODUCT_ID");
        assertThat(error(patch("mv-2", "{\"optionId\":\"nope\"}"))).isEqualTo("INVALID_OPTION_ID");
        assertThat(error(patch("mv-2", "{\"unitItems\":[{\"unitId\":\"nope\"}]}")))
                .isEqualTo("INVALID_UNIT_ID");
        assertThat(error(patch("mv-2", "{\"availabilityId\":\"2026-06-04T11:00:00+08:00\"}")))
                .isEqualTo("INVALID_AVAILABILITY_ID");
        assertThat(ok(ts.get("/octo/bookings/mv-2", key)).get("unitItems")).hasSize(2);
    }

    @Test
    void changingUnitItemsInAFullSlotMovesOnlyTheDifference() {
        String slot = "2026-06-05T10:00:00+08:00";
        JsonNode held = ok(ts.post(
                "/octo/bookings", key, TestServer.reserve("mv-3", "small", slot, "small-adult", "small-adult")));
        Answer three = patch(
                "mv-3",
                "{\"unitItems\":[{\"unitId\":\"small-adult\"},{\"unitId\":\"small-adult\"},{\"unitId\":\"small-child\"}]}");
        assertThat(three.status()).as(three.body()).isEqualTo(200);
        assertThat(three.json().get("unitItems")).hasSize(3);
        assertThat(uuids(three.json()).subList(0, 2)).isEqualTo(uuids(held));
        assertThat(vacancies("small", slot)).isZero();

        Answer one = patch("mv-3", "{\"unitItems\":[{\"unitId\":\"small-child\"}]}");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("unitItems")).hasSize(1);
        assertThat(vacancies("small", slot)).isEqualTo(2);
    }

    @Test
    void movingAConfirmedBookingReissuesThePassesAndRevokesTheOldOnes() throws Exception {
        String from = "2026-06-06T10:00:00+08:00";
        String to = "2026-06-07T14:00:00+08:00";
        ok(ts.post("/octo/bookings", key, TestServer.reserve("mv-4", "tour", from, "tour-adult", "tour-child")));
        JsonNode confirmed = ok(ts.post("/octo/bookings/mv-4/confirm", key, "{}"));
        List<String> oldTexts = tickets(confirmed);

        Answer moved = patch("mv-4", "{\"availabilityId\":\"" + to + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("status").asText()).isEqualTo("CONFIRMED");
        List<String> newTexts = tickets(moved.json());
        assertThat(newTexts).hasSize(2).doesNotContainAnyElementsOf(oldTexts);
        PassVerifier verifier = new PassVerifier(keySet());
        Pass pass = verifier.decodeAndVerify(newTexts.get(0), ts.clock.instant());
        assertThat(pass.claims().slotStart()).contains(Instant.parse("2026-06-07T06:00:00Z"));
        List<String> revoked = new ArrayList<>();
        ts.get("/admin/v1/revocations?since=0", TestServer.ADMIN)
                .json()
                .forEach(r -> revoked.add(r.get("passId").asText()));
        for (String old : oldTexts) {
            assertThat(revoked)
                    .contains(verifier.decodeAndVerify(old, ts.clock.instant())
                            .claims()
                            .passId());
        }
        assertThat(vacancies("tour", from)).isEqualTo(10);
        assertThat(vacancies("tour", to)).isEqualTo(8);
        // a retried PATCH issues nothing new
        assertThat(tickets(patch("mv-4", "{\"availabilityId\":\"" + to + "\"}").json()))
                .isEqualTo(newTexts);
        assertThat(webhooks("mv-4")).containsExactlyInAnyOrder("BOOKING_CONFIRMED", "BOOKING_UPDATED");
    }

    @Test
    void changingProductAndOptionMapsOrReplacesTheUnitItems() {
        String slot = "2026-06-08T10:00:00+08:00";
        String other = "2026-06-08T12:00:00+08:00";
        ok(ts.post("/octo/bookings", key, TestServer.reserve("mv-5", "tour", slot, "tour-adult", "tour-child")));
        // no unit items and no availability: the same units by type, the same start time
        Answer mapped = patch("mv-5", "{\"productId\":\"river\"}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
        assertThat(mapped.json().get("productId").asText()).isEqualTo("river");
        assertThat(mapped.json().get("optionId").asText()).isEqualTo("river-opt");
        assertThat(mapped.json().get("availabilityId").asText()).isEqualTo(slot);
        assertThat(unitIds(mapped.json())).containsExactly("river-adult", "river-child");
        assertThat(vacancies("tour", slot)).isEqualTo(10);
        assertThat(vacancies("river", slot)).isEqualTo(8);

        Answer replaced = patch(
                "mv-5",
                "{\"productId\":\"small\",\"optionId\":\"small-opt\",\"availabilityId\":\"" + other
                        + "\",\"unitItems\":[{\"unitId\":\"small-adult\"}]}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(unitIds(replaced.json())).containsExactly("small-adult");
        assertThat(vacancies("river", slot)).isEqualTo(10);
        assertThat(vacancies("small", other)).isEqualTo(2);
    }

    @Test
    void aConfirmedBookingPastItsCutoffCannotBeMoved() {
        String now = "2026-06-01T08:00:00+08:00"; // the test clock's START: the slot is starting
        ok(ts.post("/octo/bookings", key, TestServer.reserve("mv-6", "tour", now, "tour-adult")));
        ok(ts.post("/octo/bookings/mv-6/confirm", key, "{}"));
        Answer refused = patch("mv-6", "{\"availabilityId\":\"2026-06-09T10:00:00+08:00\"}");
        assertThat(error(refused)).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.json().get("errorMessage").asText()).contains("cutoff");
    }

    @Test
    void confirmWithUnitItemsReplacesTheHeldOnes() {
        String slot = "2026-06-10T10:00:00+08:00";
        ok(ts.post("/octo/bookings", key, TestServer.reserve("cf-1", "tour", slot, "tour-adult", "tour-adult")));
        Answer invalid = ts.post(
                "/octo/bookings/cf-1/confirm",
                key,
                "{\"unitItems\":[{\"unitId\":\"invalidUnitId\"},{\"unitId\":\"invalidUnitId\"}]}");
        assertThat(error(invalid)).isEqualTo("INVALID_UNIT_ID");
        assertThat(invalid.json().get("unitId").asText()).isEqualTo("invalidUnitId");
        assertThat(ok(ts.get("/octo/bookings/cf-1", key)).get("status").asText())
                .isEqualTo("ON_HOLD");

        Answer confirmed = ts.post(
                "/octo/bookings/cf-1/confirm",
                key,
                "{\"contact\":{\"fullName\":\"Li Lei\"},\"unitItems\":[{\"unitId\":\"tour-adult\"},"
                        + "{\"unitId\":\"tour-adult\"},{\"unitId\":\"tour-child\"}]}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(unitIds(confirmed.json())).containsExactly("tour-adult", "tour-adult", "tour-child");
        assertThat(tickets(confirmed.json())).hasSize(3).doesNotHaveDuplicates();
        assertThat(vacancies("tour", slot)).isEqualTo(7);
    }

    @Test
    void anEmptyUnitItemsListIsRefusedAtPatchAndConfirmAndChangesNothing() {
        String slot = "2026-06-12T10:00:00+08:00";
        ok(ts.post("/octo/bookings", key, TestServer.reserve("empty-1", "tour", slot, "tour-adult", "tour-child")));
        assertThat(error(patch("empty-1", "{\"unitItems\":[],\"notes\":\"x\"}")))
                .isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(error(ts.post("/octo/bookings/empty-1/confirm", key, "{\"unitItems\":[]}")))
                .isEqualTo("UNPROCESSABLE_ENTITY");
        JsonNode kept = ok(ts.get("/octo/bookings/empty-1", key));
        assertThat(kept.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(kept.get("notes").isNull()).isTrue();
        assertThat(unitIds(kept)).containsExactly("tour-adult", "tour-child");
        assertThat(vacancies("tour", slot)).isEqualTo(8);
    }

    @Test
    void detailsOfABookingWhoseProductWentOffSaleCanStillChange() {
        ts.product("gone", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        ok(ts.post(
                "/octo/bookings",
                key,
                TestServer.reserve("gone-1", "gone", "2026-06-11T10:00:00+08:00", "gone-adult")));
        ts.server.catalogue().setActive("gone", false);
        Answer notes = patch("gone-1", "{\"notes\":\"still coming\"}");
        assertThat(notes.status()).as(notes.body()).isEqualTo(200);
        assertThat(notes.json().get("notes").asText()).isEqualTo("still coming");
    }

    private static Answer patch(String uuid, String json) {
        return ts.send("PATCH", "/octo/bookings/" + uuid, key, json, Map.of());
    }

    /** The webhook events queued for a booking (the outbox). */
    private static List<String> webhooks(String uuid) {
        return ts.server.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT event_type FROM outbox WHERE payload LIKE ?")) {
                ps.setString(1, "%\"" + uuid + "\"%");
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static String error(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        return a.json().get("error").asText();
    }

    private static int vacancies(String product, String slot) {
        Answer a = ts.post(
                "/octo/availability",
                key,
                "{\"productId\":\"" + product + "\",\"optionId\":\"" + product + "-opt\",\"availabilityIds\":[\"" + slot
                        + "\"]}");
        return ok(a).get(0).get("vacancies").asInt();
    }

    private static List<String> uuids(JsonNode booking) {
        List<String> out = new ArrayList<>();
        booking.get("unitItems").forEach(u -> out.add(u.get("uuid").asText()));
        return out;
    }

    private static List<String> unitIds(JsonNode booking) {
        List<String> out = new ArrayList<>();
        booking.get("unitItems").forEach(u -> out.add(u.get("unitId").asText()));
        return out;
    }

    private static List<String> tickets(JsonNode booking) {
        List<String> out = new ArrayList<>();
        booking.get("unitItems")
                .forEach(u -> out.add(u.get("ticket")
                        .get("deliveryOptions")
                        .get(0)
                        .get("deliveryValue")
                        .asText()));
        return out;
    }

    private static KeySet keySet() {
        String json = ts.get("/admin/v1/keyset", TestServer.ADMIN).body();
        return SignedKeySet.fromJson(json).verify(ts.server.keys().root().publicKey());
    }
}
