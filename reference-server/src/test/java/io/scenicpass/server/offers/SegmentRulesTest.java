package io.scenicpass.server.offers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.Discounts;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.server.visitors.Segments;
import io.scenicpass.server.visitors.VisitorHint;
import io.scenicpass.server.visitors.segments.SegmentService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment offers against the real visitor hub (not a stand-in): {@link Rules} lets a segment's offer apply to its
 * members only, follows the visitor into and out of the segment as their facts and the segment's definition change,
 * and refuses an expired or paused offer even to a member; OCTO prices a member's booking through the offer.
 */
class SegmentRulesTest {
    static final LocalDate DAY = LocalDate.parse("2026-06-02");
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String PRICING = "octo/pricing, octo/offers";

    @TempDir
    Path dir;

    TestServer ts;
    String key;
    Segments segments;
    SegmentService segmentService;

    @BeforeEach
    void open() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        ts.product("park", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        key = ts.channel("ota", 10_000, 10_000, null);
        segmentService = ts.server.visitors().segments();
        segments = segmentService;
        segmentService.put("families", new SegmentService.Input("Families", "tags has family"));
    }

    @AfterEach
    void close() {
        ts.close();
    }

    /** Books and confirms through OCTO with the contact's email; the hub takes it in. */
    void visit(String uuid, String email, String... units) {
        String body = TestServer.reserve(uuid, "park", SLOT, units);
        assertThat(ts.post("/octo/bookings", key, body).status()).isEqualTo(200);
        Answer ok = ts.post(
                "/octo/bookings/" + uuid + "/confirm", key, "{\"contact\":{\"emailAddress\":\"" + email + "\"}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        ts.server.visitors().feed().catchUp();
    }

    Optional<Long> visitor(String email) {
        return ts.server.visitors().directory().find(VisitorHint.email(email));
    }

    static Offer offer(LocalDate from, LocalDate to, Offer.Status status) {
        return new Offer(
                "O1",
                null,
                "Families: 20 % off children",
                Offer.Kind.PERCENT,
                20,
                null,
                "CHILD",
                "families",
                List.of(),
                from,
                to,
                null,
                null,
                null,
                null,
                status,
                0,
                0);
    }

    /** An adult and a child for the visit day (nothing claimed: {@link Rules} only reads). */
    Discounts.Request order() {
        CatalogueService.ProductView pv = ts.server.catalogue().product("park", "ota");
        List<Unit> units = List.of(
                pv.option("park-opt").unit("park-adult"), pv.option("park-opt").unit("park-child"));
        List<Booking.UnitItem> items = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            items.add(new Booking.UnitItem(
                    "i" + i, i, units.get(i).id(), null, null, i == 0 ? 10000 : 5000, 9000, null, null));
        }
        return new Discounts.Request(
                "rules-" + System.nanoTime(),
                ts.server.channels().find("ota").orElseThrow(),
                pv.product(),
                "park-opt",
                DAY,
                items,
                units,
                null,
                null);
    }

    @Test
    void aFamilyIsInTheSegmentASingleOrUnknownVisitorIsNotAndOctoPricesTheFamilyThroughTheOffer() {
        visit("fam-1", "family@example.com", "park-adult", "park-child");
        visit("one-1", "single@example.com", "park-adult");
        Offer o = offer(null, null, Offer.Status.ACTIVE);

        assertThat(Rules.whyNot(o, order(), visitor("family@example.com"), segments))
                .isNull();
        assertThat(Rules.whyNot(o, order(), visitor("single@example.com"), segments))
                .isEqualTo("this offer is for visitors of the segment families");
        assertThat(Rules.whyNot(o, order(), Optional.empty(), segments))
                .isEqualTo("this offer is for visitors of the segment families");

        // the same offer, made by the operator, prices the family's next booking through OCTO
        assertThat(ts.post(
                                "/admin/v1/offers",
                                TestServer.ADMIN,
                                "{\"title\":\"Families: 20 % off children\",\"kind\":\"PERCENT\",\"amount\":20,"
                                        + "\"unitType\":\"CHILD\",\"segment\":\"families\"}")
                        .status())
                .isEqualTo(201);
        JsonNode next = reserve("fam-2", "family@example.com");
        assertThat(next.get("offerTitle").asText()).isEqualTo("Families: 20 % off children");
        assertThat(next.get("pricing").get("retail").asInt()).isEqualTo(14000);
        assertThat(next.get("pricing").get("offerDiscount").get("retail").asInt())
                .isEqualTo(1000);
        JsonNode other = reserve("one-2", "single@example.com");
        assertThat(other.get("pricing").get("retail").asInt()).isEqualTo(15000);
        assertThat(other.has("offerTitle")).isFalse();
    }

    @Test
    void theOfferFollowsTheVisitorIntoTheSegmentAndTheSegmentsDefinition() {
        visit("one-1", "parent@example.com", "park-adult");
        Offer o = offer(null, null, Offer.Status.ACTIVE);
        assertThat(Rules.whyNot(o, order(), visitor("parent@example.com"), segments))
                .isNotNull();

        // a booking with a child makes them a family: in the segment, the offer applies
        visit("fam-1", "parent@example.com", "park-adult", "park-child");
        assertThat(Rules.whyNot(o, order(), visitor("parent@example.com"), segments))
                .isNull();

        // the operator narrows the segment: out again; and a segment deleted holds nobody
        segmentService.put("families", new SegmentService.Input("Families", "tags has family AND tags has senior"));
        assertThat(Rules.whyNot(o, order(), visitor("parent@example.com"), segments))
                .isEqualTo("this offer is for visitors of the segment families");
        segmentService.put("families", new SegmentService.Input("Families", "tags has family"));
        assertThat(Rules.whyNot(o, order(), visitor("parent@example.com"), segments))
                .isNull();
        segmentService.delete("families");
        assertThat(Rules.whyNot(o, order(), visitor("parent@example.com"), segments))
                .isEqualTo("this offer is for visitors of the segment families");
    }

    @Test
    void anExpiredOrPausedOfferDoesNotApplyEvenToAMember() {
        visit("fam-1", "family@example.com", "park-adult", "park-child");
        Optional<Long> member = visitor("family@example.com");
        assertThat(Rules.whyNot(offer(DAY, DAY, Offer.Status.ACTIVE), order(), member, segments))
                .isNull();
        assertThat(Rules.whyNot(offer(null, DAY.minusDays(1), Offer.Status.ACTIVE), order(), member, segments))
                .isEqualTo("this offer is valid for visits until 2026-06-01");
        assertThat(Rules.whyNot(offer(DAY.plusDays(1), null, Offer.Status.ACTIVE), order(), member, segments))
                .isEqualTo("this offer is valid for visits from 2026-06-03");
        assertThat(Rules.whyNot(offer(null, null, Offer.Status.PAUSED), order(), member, segments))
                .isEqualTo("this offer is paused");
    }

    JsonNode reserve(String uuid, String email) {
        String body = TestServer.reserve(uuid, "park", SLOT, "park-adult", "park-child");
        Answer a = ts.send(
                "POST",
                "/octo/bookings",
                key,
                body.substring(0, body.length() - 1) + ",\"contact\":{\"emailAddress\":\"" + email + "\"}}",
                Map.of("Octo-Capabilities", PRICING));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
