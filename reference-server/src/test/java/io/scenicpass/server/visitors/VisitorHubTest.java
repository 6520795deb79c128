package io.scenicpass.server.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Direction;
import io.scenicpass.core.DocumentType;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.packages.Partners;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub on one real server: a visit rebuilt from gate events (entry, exit, dwell, zones), tags recomputed as facts
 * arrive, receipts of a partner till (idempotent, typed refusals), segments, export and erasure. Each test has its
 * own visitor (its own phone).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitorHubTest {
    static final Instant T10 = Instant.parse("2026-06-02T02:00:00Z"); // 10:00 in the park

    @TempDir
    static Path dir;

    TestServer ts;
    HubFixture hub;
    VisitorsModule visitors;
    String till;
    final List<VisitEvents.VisitEnded> ended = new ArrayList<>();

    @BeforeAll
    void start() {
        ts = TestServer.h2(dir);
        hub = new HubFixture(ts);
        visitors = ts.server.visitors();
        visitors.events().onVisitEnded(ended::add);
        Partners partners = ts.server.packages().partners;
        partners.putPartner("noodles", new Partners.PartnerInput("Noodle bar"));
        till = partners.newToken("noodles");
    }

    @AfterAll
    void stop() {
        ts.close();
    }

    @Test
    void aVisitIsBuiltFromTheGatesAndTagsFollowIt() {
        List<String> passes = hub.book(hub.ota, "fam", "13800000001", null, "tour-adult", "tour-child");
        String pass = passes.get(0);
        hub.pass(pass, "park", Direction.IN, T10);
        hub.pass(pass, "museum", Direction.IN, T10.plusSeconds(600));
        hub.pass(pass, "museum", Direction.OUT, T10.plusSeconds(600 + 50 * 60));
        hub.pass(pass, "cable", Direction.IN, T10.plusSeconds(2 * 3600));
        visitors.feed().catchUp();
        long id = visitors.directory().ofBooking("fam").orElseThrow();
        // family from the child unit at once; culture from 50 minutes in the museum; one cable car ride: no thrill
        assertThat(visitors.segments().tagsOf(id)).containsExactly("culture", "family");
        assertThat(ended).isEmpty();

        hub.pass(pass, "cable", Direction.IN, T10.plusSeconds(3 * 3600));
        hub.pass(pass, "park", Direction.OUT, T10.plusSeconds(5 * 3600));
        visitors.feed().catchUp();
        visitors.feed().catchUp(); // nothing new: nothing applied twice, no second event

        assertThat(visitors.segments().tagsOf(id)).containsExactly("culture", "family", "thrill");
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).visitorId()).isEqualTo(id);
        assertThat(ended.get(0).bookingUuid()).isEqualTo("fam");
        assertThat(ended.get(0).day()).hasToString(HubFixture.DAY);
        JsonNode export = ok(ts.get("/admin/v1/visitors/" + id + "/export", TestServer.ADMIN));
        JsonNode visit = export.get("visits").get(0);
        assertThat(visit.get("dwellMinutes").asInt()).isEqualTo(300);
        assertThat(visit.get("entryAt").asText()).isEqualTo(T10.toString());
        // cable car: two rides, no exit gate of its own, so inside from the first ride until the park's exit
        assertZone(visit.get("zones").get(0), "cable", "CABLE_CAR", 2, 180);
        assertZone(visit.get("zones").get(1), "museum", "MUSEUM", 1, 50);
        assertThat(export.get("bookings").get(0).get("units").toString()).isEqualTo("{\"ADULT\":1,\"CHILD\":1}");
        assertThat(export.get("profile12m").get("visits").asInt()).isEqualTo(1);
    }

    @Test
    void aSecondVisitDayMakesARepeatVisitor() {
        List<String> first = hub.book(hub.ota, "rep-1", "13800000002", null, "tour-adult");
        hub.pass(first.get(0), "park", Direction.IN, T10);
        visitors.feed().catchUp();
        long id = visitors.directory().ofBooking("rep-1").orElseThrow();
        assertThat(visitors.segments().tagsOf(id)).doesNotContain("repeat");
        TestServer.Answer held = ts.post(
                "/octo/bookings",
                hub.ota,
                TestServer.reserve("rep-2", "tour", "2026-06-03T10:00:00+08:00", "tour-adult"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings/rep-2/confirm", hub.ota, "{\"contact\":{\"phoneNumber\":\"13800000002\"}}")
                        .status())
                .isEqualTo(200);
        String second = hub.passesOf("rep-2").get(0);
        hub.pass(second, "park", Direction.IN, T10.plusSeconds(86400));
        visitors.feed().catchUp();
        assertThat(visitors.directory().ofBooking("rep-2")).contains(id);
        assertThat(visitors.segments().tagsOf(id)).contains("repeat");
    }

    @Test
    void receiptsOfATillAreIdempotentAndRefusedWithTypedErrors() {
        String pass =
                hub.book(hub.ota, "lunch", "13800000003", null, "tour-adult").get(0);
        long id = visitors.directory().ofBooking("lunch").orElseThrow();
        String body = "{\"receiptId\":\"R-1\",\"passId\":\"" + pass + "\",\"amount\":6800,\"currency\":\"CNY\"}";

        assertThat(ts.post("/partner/v1/receipts", till, body).status()).isEqualTo(201);
        TestServer.Answer again = ts.post("/partner/v1/receipts", till, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("visitorKnown").asBoolean()).isTrue();
        refused(body.replace("6800", "6900"), 409, "RECEIPT_CONFLICT");
        refused(body.replace("R-1", "R-2").replace("6800", "-1"), 400, "NEGATIVE_AMOUNT");
        refused(body.replace("R-1", "R-3").replace("CNY", "USD"), 400, "UNSUPPORTED_CURRENCY");
        refused(body.replace("R-1", "R-4").replace(pass, "no-such-pass"), 422, "UNKNOWN_PASS");
        refused("{\"receiptId\":\"R-5\",\"amount\":1,\"currency\":\"CNY\"}", 400, "VISITOR_REQUIRED");
        refused(
                "{\"receiptId\":\"R-6\",\"memberCode\":\"MNOBODY\",\"amount\":1,\"currency\":\"CNY\"}",
                422,
                "UNKNOWN_VISITOR");
        refused(
                "{\"receiptId\":\"R-7\",\"document\":{\"type\":\"CN_ID\",\"number\":\"123\"},\"amount\":1,"
                        + "\"currency\":\"CNY\"}",
                400,
                "INVALID_DOCUMENT");
        assertThat(ts.post("/partner/v1/receipts", "ptn_wrong", body).status()).isEqualTo(401);
        assertThat(ts.post("/partner/v1/receipts", till, "{\"receiptId\":")
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("BAD_REQUEST");

        // a member code issued by the operator names the same visitor
        String code = ts.post("/admin/v1/visitors/" + id + "/member-code", TestServer.ADMIN, null)
                .json()
                .get("memberCode")
                .asText();
        TestServer.Answer byMember = ts.post(
                "/partner/v1/receipts",
                till,
                "{\"receiptId\":\"R-8\",\"memberCode\":\"" + code.toLowerCase()
                        + "\",\"amount\":1200,\"currency\":\"CNY\"}");
        assertThat(byMember.status()).as(byMember.body()).isEqualTo(201);
        JsonNode export = ok(ts.get("/admin/v1/visitors/" + id + "/export", TestServer.ADMIN));
        assertThat(export.get("receipts")).hasSize(2);
        assertThat(export.get("profile12m").get("spend").asLong()).isEqualTo(8000);
        assertThat(export.toString()).doesNotContain(code);
    }

    @Test
    void segmentsAreSavedExpressionsWithSizes() {
        hub.book(hub.ota, "seg-fam", "13800000004", null, "tour-adult", "tour-child");
        hub.book(hub.ota, "seg-solo", "13800000005", null, "tour-adult");
        long fam = visitors.directory().ofBooking("seg-fam").orElseThrow();
        long solo = visitors.directory().ofBooking("seg-solo").orElseThrow();

        JsonNode s = ok(ts.send(
                "PUT",
                "/admin/v1/segments/families",
                TestServer.ADMIN,
                "{\"name\":\"Families\",\"expression\":\"tags has family AND NOT (bookings12m < 1 OR consent)\"}",
                Map.of()));
        assertThat(s.get("size").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(visitors.segments().contains("families", fam)).isTrue();
        assertThat(visitors.segments().contains("families", solo)).isFalse();
        assertThat(visitors.segments().contains("no-such", fam)).isFalse();
        assertThat(visitors.segments().members("families", 1000)).contains(fam).doesNotContain(solo);

        TestServer.Answer bad = ts.send(
                "PUT",
                "/admin/v1/segments/bad",
                TestServer.ADMIN,
                "{\"name\":\"Bad\",\"expression\":\"tags has family; DROP TABLE visitor\"}",
                Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("unexpected character ';'");
        TestServer.Answer unknown = ts.send(
                "PUT",
                "/admin/v1/segments/bad",
                TestServer.ADMIN,
                "{\"name\":\"Bad\",\"expression\":\"age > 3\"}",
                Map.of());
        assertThat(unknown.json().get("message").asText()).contains("unknown fact 'age'");
        assertThat(ts.send("DELETE", "/admin/v1/segments/families", TestServer.ADMIN, null, Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(ts.get("/admin/v1/segments/families", TestServer.ADMIN).status())
                .isEqualTo(404);
    }

    @Test
    void anErasedVisitorIsNotFoundAgainByTheSameDocument() {
        IdentityFixture.product(ts, "rn", false);
        String number = IdentityFixture.cnId("19500101", "123");
        TestServer.Answer held = ts.post(
                "/octo/bookings",
                hub.ota,
                IdentityFixture.reserve(
                        "doc-1",
                        "rn",
                        IdentityFixture.SLOT,
                        "rn-senior=" + IdentityFixture.identity("CN_ID", number, "王芳", null)));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(ts.post("/octo/bookings/doc-1/confirm", hub.ota, "{}").status())
                .isEqualTo(200);
        String pass = hub.passesOf("doc-1").get(0);
        hub.pass(pass, "park", Direction.IN, T10);
        long id = visitors.directory().ofBooking("doc-1").orElseThrow();
        assertThat(visitors.directory().find(VisitorHint.document(DocumentType.CN_ID, number)))
                .contains(id);
        assertThat(visitors.segments().tagsOf(id)).contains("senior");
        JsonNode found = ok(ts.post(
                "/admin/v1/visitors/lookup",
                TestServer.ADMIN,
                "{\"document\":{\"type\":\"CN_ID\",\"number\":\"" + number + "\"}}"));
        assertThat(found.get("id").asLong()).isEqualTo(id);
        assertThat(found.toString()).doesNotContain(number).contains("\"kind\":\"DOC\"");
        assertThat(ts.post(
                                "/partner/v1/receipts",
                                till,
                                "{\"receiptId\":\"D-1\",\"document\":{\"type\":\"CN_ID\",\"number\":\"" + number
                                        + "\"},\"amount\":3000,\"currency\":\"CNY\"}")
                        .status())
                .isEqualTo(201);

        assertThat(ts.send("DELETE", "/admin/v1/visitors/" + id, TestServer.ADMIN, null, Map.of())
                        .status())
                .isEqualTo(204);

        visitors.feed().catchUp();
        assertThat(visitors.directory().find(VisitorHint.document(DocumentType.CN_ID, number)))
                .isEmpty();
        assertThat(visitors.directory().ofBooking("doc-1")).isEmpty();
        assertThat(ts.get("/admin/v1/visitors/" + id + "/export", TestServer.ADMIN)
                        .status())
                .isEqualTo(404);
        assertThat(ts.post(
                                "/admin/v1/visitors/lookup",
                                TestServer.ADMIN,
                                "{\"document\":{\"type\":\"CN_ID\",\"number\":\"" + number + "\"}}")
                        .status())
                .isEqualTo(404);
        // the facts stay only as counts: the visit and the receipt, with nobody on them
        long[] counts = ts.server.database().read(c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM visitor_receipt WHERE receipt_id='D-1'"
                            + " AND visitor_id IS NULL AND pass_id IS NULL), (SELECT COUNT(*) FROM visit WHERE"
                            + " pass_id='" + pass + "'), (SELECT COUNT(*) FROM visitor_key WHERE visitor_id=" + id
                            + ")")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        });
        assertThat(counts).containsExactly(1, 0, 0);
    }

    private static void assertZone(JsonNode z, String zone, String kind, int entries, int minutes) {
        assertThat(z.get("zone").asText()).isEqualTo(zone);
        assertThat(z.get("kind").asText()).isEqualTo(kind);
        assertThat(z.get("entries").asInt()).isEqualTo(entries);
        assertThat(z.get("minutes").asInt()).isEqualTo(minutes);
    }

    private void refused(String body, int status, String code) {
        TestServer.Answer a = ts.post("/partner/v1/receipts", till, body);
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.json().get("code").asText()).isEqualTo(code);
    }

    private static JsonNode ok(TestServer.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
