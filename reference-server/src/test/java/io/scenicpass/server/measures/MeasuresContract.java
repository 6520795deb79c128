package io.scenicpass.server.measures;

import static io.scenicpass.server.measures.MeasureFacts.DAY1;
import static io.scenicpass.server.measures.MeasureFacts.DAY2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.reports.Period;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measures on the hand-checked data set of {@link MeasureFacts}, through {@code GET /admin/v1/measures} of the
 * real server; and the rollup refreshed incrementally equals the computation from the facts after changes.
 */
abstract class MeasuresContract {
    @TempDir
    Path dir;

    TestServer ts;

    /** The database: null for H2 in {@link #dir}. */
    abstract String dbUrl();

    @BeforeEach
    void start() {
        ts = new TestServer(dir, dbUrl(), new MutableClock(Instant.parse("2026-06-03T00:00:00Z")), Map.of());
        MeasureFacts.write(ts);
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    JsonNode measures(String query) {
        TestServer.Answer a = ts.get("/admin/v1/measures?" + query, TestServer.ADMIN);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    static JsonNode line(JsonNode lines, String day, String channel) {
        for (JsonNode l : lines) {
            if (l.get("day").asText().equals(day)
                    && (channel == null
                            ? l.get("channelId").isNull()
                            : l.get("channelId").asText().equals(channel))) {
                return l;
            }
        }
        throw new AssertionError("no line " + day + " " + channel + " in " + lines);
    }

    @Test
    void secondarySpendingShare() {
        // receipts ÷ (tickets + receipts):
        // 06-01 ctrip: 60.00 ÷ (200 + 100 + 50 + 60) = 60 ÷ 410 = 0.14634 → 0.1463
        // 06-01 all:   (60 + 40) ÷ (550 + 50 + 100) = 100 ÷ 700 = 0.142857 → 0.1429
        // 06-02:       20 ÷ (80 + 20) = 0.2; both days: 120 ÷ 800 = 0.15
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        JsonNode ctrip = line(m.get("lines"), "2026-06-01", "ctrip");
        assertThat(ctrip.at("/sums/ticketsFen").asLong()).isEqualTo(35000);
        assertThat(ctrip.at("/sums/receiptsFen").asLong()).isEqualTo(6000);
        assertThat(ctrip.at("/measures/secondarySpendingShare").decimalValue()).isEqualByComparingTo("0.1463");
        assertThat(line(m.get("lines"), "2026-06-01", "")
                        .at("/sums/receiptsFen")
                        .asLong())
                .isEqualTo(4000);
        assertThat(line(m.get("days"), "2026-06-01", null)
                        .at("/measures/secondarySpendingShare")
                        .decimalValue())
                .isEqualByComparingTo("0.1429");
        assertThat(line(m.get("days"), "2026-06-02", null)
                        .at("/measures/secondarySpendingShare")
                        .decimalValue())
                .isEqualByComparingTo("0.2");
        assertThat(m.at("/total/measures/secondarySpendingShare").decimalValue())
                .isEqualByComparingTo("0.15");
    }

    @Test
    void averageSpendPerVisitorByDayAndChannel() {
        // (tickets + receipts) ÷ people admitted:
        // 06-01 ctrip: (350.00 + 60.00) ÷ (2 of b1 + 1 of b5; b2 did not come) = 136.666 → 136.67
        // 06-01 shop:  250.00 ÷ 3 = 83.333 → 83.33
        // 06-01 all:   700.00 ÷ 6 = 116.666 → 116.67; 06-02: 100.00 ÷ 1; both days: 800.00 ÷ 7 = 114.285 → 114.29
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        JsonNode ctrip = line(m.get("lines"), "2026-06-01", "ctrip");
        assertThat(ctrip.at("/sums/admitted").asLong()).isEqualTo(3);
        assertThat(ctrip.at("/measures/averageSpendFen").asLong()).isEqualTo(13667);
        assertThat(line(m.get("lines"), "2026-06-01", "shop-test")
                        .at("/measures/averageSpendFen")
                        .asLong())
                .isEqualTo(8333);
        assertThat(line(m.get("days"), "2026-06-01", null)
                        .at("/measures/averageSpendFen")
                        .asLong())
                .isEqualTo(11667);
        assertThat(line(m.get("days"), "2026-06-02", null)
                        .at("/measures/averageSpendFen")
                        .asLong())
                .isEqualTo(10000);
        assertThat(m.at("/total/measures/averageSpendFen").asLong()).isEqualTo(11429);
        assertThat(m.at("/total/sums/bookings").asLong()).isEqualTo(5);
    }

    @Test
    void repurchaseRate() {
        // visitors with another visit in the 12 months before the day ÷ visitors of the day:
        // 06-01: alice (last before: 2025-05-01, over 12 months), carol (2026-01-10: yes), dave (none) = 1/3
        //        by channel: ctrip alice, dave = 0/2; shop carol = 1/1
        // 06-02: alice (06-01) = 1/1; both days: (1 + 1) ÷ (3 + 1) = 0.5
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        JsonNode day1 = line(m.get("days"), "2026-06-01", null);
        assertThat(day1.at("/sums/visitors").asLong()).isEqualTo(3);
        assertThat(day1.at("/measures/repurchaseRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(line(m.get("lines"), "2026-06-01", "ctrip")
                        .at("/measures/repurchaseRate")
                        .decimalValue())
                .isEqualByComparingTo("0");
        assertThat(line(m.get("lines"), "2026-06-01", "shop-test")
                        .at("/measures/repurchaseRate")
                        .decimalValue())
                .isEqualByComparingTo("1");
        assertThat(line(m.get("days"), "2026-06-02", null)
                        .at("/measures/repurchaseRate")
                        .decimalValue())
                .isEqualByComparingTo("1");
        assertThat(m.at("/total/measures/repurchaseRate").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void anErasedVisitorLeavesNoLookBackLink() {
        // alice returned on 06-02 (her visit of 06-01); erased, nothing ties her visits together any more: the
        // look-back is found from the visits at each recomputation, no previous-visit link is stored anywhere
        assertThat(measures("from=2026-06-01&to=2026-06-02")
                        .at("/total/sums/returners")
                        .asLong())
                .as("carol on 06-01, alice on 06-02")
                .isEqualTo(2);
        long alice = ts.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT visitor_id FROM visit WHERE pass_id='P-b4'", rs -> rs.getLong(1)))
                .orElseThrow();
        assertThat(ts.send("DELETE", "/admin/v1/visitors/" + alice, TestServer.ADMIN, null, Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(ts.server
                        .database()
                        .read(c -> Jdbc.one(
                                c,
                                "SELECT COUNT(*) FROM visit WHERE visitor_id=? OR pass_id IN ('P-b1', 'P-b4')",
                                rs -> rs.getLong(1),
                                alice))
                        .orElseThrow())
                .isZero();
        Measures measures = ts.server.measures().measures;
        Measures.Report raw = measures.raw(measures.period("2026-06-02", "2026-06-02"), null);
        assertThat(raw.total().sums().visitors())
                .as("06-02's visit is no one's now")
                .isZero();
        assertThat(raw.total().sums().returners())
                .as("no visitor of 06-02 with an earlier visit")
                .isZero();
        assertThat(measures("from=2026-06-02&to=2026-06-02").get("total").isObject())
                .as("the dashboard's answer after the erasure")
                .isTrue();
    }

    @Test
    void dwellTimeAndBySegmentAndSegmentSizes() {
        // entry to exit of visits that ended: 06-01 alice 09:00–12:30 = 210 min, dave 11:00–11:30 = 30 min (carol
        // did not leave through a gate) → 240 ÷ 2 = 120.0; 06-02 alice 60 min; both days 300 ÷ 3 = 100.0
        // segment regulars (visits12m >= 2): alice and carol (size 2); their ended visits: 210 + 60 → 135.0
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        assertThat(line(m.get("days"), "2026-06-01", null)
                        .at("/measures/averageDwellMinutes")
                        .decimalValue())
                .isEqualByComparingTo("120.0");
        assertThat(m.at("/total/measures/averageDwellMinutes").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(m.get("segments")).hasSize(1);
        JsonNode regulars = m.get("segments").get(0);
        assertThat(regulars.get("code").asText()).isEqualTo("regulars");
        assertThat(regulars.get("size").asLong()).isEqualTo(2);
        assertThat(regulars.get("dwellVisits").asLong()).isEqualTo(2);
        assertThat(regulars.get("averageDwellMinutes").decimalValue()).isEqualByComparingTo("135.0");
    }

    @Test
    void packageShare() {
        // package bookings ÷ bookings: 06-01 b3 of b1, b2, b3, b5 = 1/4 = 0.25; shop 1/1; ctrip 0/3;
        // both days 1/5 = 0.2
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        assertThat(line(m.get("days"), "2026-06-01", null)
                        .at("/measures/packageShare")
                        .decimalValue())
                .isEqualByComparingTo("0.25");
        assertThat(line(m.get("lines"), "2026-06-01", "shop-test")
                        .at("/measures/packageShare")
                        .decimalValue())
                .isEqualByComparingTo("1");
        assertThat(line(m.get("lines"), "2026-06-01", "ctrip")
                        .at("/measures/packageShare")
                        .decimalValue())
                .isEqualByComparingTo("0");
        assertThat(m.at("/total/measures/packageShare").decimalValue()).isEqualByComparingTo("0.2");
    }

    @Test
    void offerConversion() {
        // offer conversion = coupons used in a sold booking ÷ coupons issued, by the visit day they were issued for:
        // 06-01: k1 (in b3) and k2 (in b2) of k1, k2, k3 = 2/3 = 0.6667, on no channel (''); 06-02: none issued
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        assertThat(line(m.get("lines"), "2026-06-01", "").at("/sums/offered").asLong())
                .isEqualTo(3);
        assertThat(line(m.get("days"), "2026-06-01", null)
                        .at("/measures/offerConversion")
                        .decimalValue())
                .isEqualByComparingTo("0.6667");
        assertThat(line(m.get("days"), "2026-06-02", null)
                        .at("/measures/offerConversion")
                        .isNull())
                .isTrue();
        // b2 cancelled: k2 no longer used → 1/3
        long now = ts.clock.instant().toEpochMilli();
        ts.server
                .database()
                .tx(c -> Jdbc.update(c, "UPDATE booking SET status='CANCELLED', updated_at=? WHERE uuid='b2'", now));
        assertThat(measures("from=2026-06-01&to=2026-06-01")
                        .at("/total/measures/offerConversion")
                        .decimalValue())
                .isEqualByComparingTo("0.3333");
    }

    @Test
    void oneChannelAndTypedErrors() {
        // ctrip only: 410.00 ÷ 3 people = 136.67, one day with data
        JsonNode m = measures("from=2026-06-01&to=2026-06-02&channel=ctrip");
        assertThat(m.get("lines")).hasSize(1);
        assertThat(m.at("/total/measures/averageSpendFen").asLong()).isEqualTo(13667);
        TestServer.Answer unknown = ts.get("/admin/v1/measures?channel=nobody", TestServer.ADMIN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
        TestServer.Answer bad = ts.get("/admin/v1/measures?from=June", TestServer.ADMIN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(ts.get("/admin/v1/measures", null).status()).isEqualTo(401);
    }

    @Test
    void theRollupRefreshedIncrementallyEqualsTheFacts() {
        Measures measures = ts.server.measures().measures;
        Period both = measures.period("2026-06-01", "2026-06-02");
        assertThat(measures.report(both, null)).isEqualTo(measures.raw(both, null));
        ts.clock.advance(Duration.ofMillis(Rollup.MARGIN_MS + 1));
        measures.refresh(); // looks once more at what changed up to 5 minutes before the last refresh
        assertThat(measures.refresh()).as("nothing changed: no day recomputed").isZero();

        // a day later: b2 cancelled (and with it its coupon's use), b4 moved to 06-01, a late offline entry of b2's
        // pass for 06-01
        ts.clock.advance(Duration.ofDays(1));
        long now = ts.clock.instant().toEpochMilli();
        ts.server.database().tx(c -> {
            Jdbc.update(c, "UPDATE booking SET status='CANCELLED', updated_at=? WHERE uuid='b2'", now);
            Jdbc.update(c, "UPDATE booking SET local_date=?, updated_at=? WHERE uuid='b4'", DAY1, now);
            long at = MeasureFacts.local(DAY1, "15:00").toEpochMilli();
            Jdbc.update(
                    c,
                    "INSERT INTO entry_event(event_id, device_id, gate_id, zone_id, pass_id, direction, verdict,"
                            + " corrected_time, offline, party_count, status, received_at) VALUES ('late', 'g1',"
                            + " 'gate-north', 'park', 'P-b2', 'IN', 'ADMIT', ?, TRUE, 1, 'ACCEPTED', ?)",
                    at,
                    now);
            Jdbc.update(
                    c,
                    "INSERT INTO pass_use(pass_id, entries, exits, first_entry_at, last_event_at) VALUES"
                            + " ('P-b2', 1, 0, ?, ?)",
                    at,
                    at);
            return null;
        });
        ts.server.visitors().feed().catchUp(); // the hub takes in the late entry: a visit of bob on 06-01
        Measures.Report after = measures.report(both, null);
        assertThat(after).isEqualTo(measures.raw(both, null));
        // 06-01 ctrip: b1 and b5 = 250.00, 2 bookings, 2 + 1 + 1 (b2's late entry) admitted
        Measures.Line ctrip = after.lines().stream()
                .filter(l -> l.day().equals(DAY1) && l.channelId().equals("ctrip"))
                .findFirst()
                .orElseThrow();
        assertThat(ctrip.sums().ticketsFen()).isEqualTo(25000);
        assertThat(ctrip.sums().bookings()).isEqualTo(2);
        assertThat(ctrip.sums().admitted()).isEqualTo(4);
        assertThat(after.total().sums().redeemed()).isEqualTo(1);
        assertThat(after.days().get(0).sums().visitors())
                .as("alice, bob, carol, dave")
                .isEqualTo(4);
        // 06-02 keeps b4's admission (by its entry) but no longer its ticket (b4 is for 06-01 now)
        Measures.Line day2 = after.days().stream()
                .filter(l -> l.day().equals(DAY2))
                .findFirst()
                .orElseThrow();
        assertThat(day2.sums().ticketsFen()).isZero();
        assertThat(day2.sums().admitted()).isEqualTo(1);
        // changes within the margin are looked at again; beyond it nothing is recomputed
        ts.clock.advance(Duration.ofMillis(Rollup.MARGIN_MS + 1));
        assertThat(measures.refresh())
                .as("06-01 once more (its move already recorded)")
                .isEqualTo(1);
        assertThat(measures.refresh()).isZero();
    }

    /** Rows of {@code measure_segment_day} of a day: [markers, channel rows]. */
    long[] segmentRows(java.time.LocalDate day) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(
                                c,
                                "SELECT SUM(CASE WHEN channel_id = '-' THEN 1 ELSE 0 END), SUM(CASE WHEN channel_id <> '-'"
                                        + " THEN 1 ELSE 0 END) FROM measure_segment_day WHERE park_day = ?",
                                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                                day)
                        .orElseThrow());
    }

    @Test
    void dwellBySegmentIsKeptPerDayForgottenWhenTheDayChangesAndRecomputedForANewExpression() {
        Measures measures = ts.server.measures().measures;
        Period both = measures.period("2026-06-01", "2026-06-02");
        ts.clock.advance(Duration.ofMillis(Rollup.MARGIN_MS + 1));
        measures.refresh(); // the facts written now are older than the margin from here on
        assertThat(measures.refresh()).isZero();
        assertThat(measures.report(both, null)).isEqualTo(measures.raw(both, null));
        // regulars: alice's 06-01 visit (ctrip) and 06-02 visit: one marker and one channel row a day
        assertThat(segmentRows(DAY1)).containsExactly(1, 1);
        assertThat(segmentRows(DAY2)).containsExactly(1, 1);

        // a late exit of dave on 06-01 changes that day only: its rows are forgotten by the refresh, 06-02 kept
        ts.clock.advance(Duration.ofMinutes(10));
        long now = ts.clock.instant().toEpochMilli();
        ts.server.database().tx(c -> Jdbc.update(c, "UPDATE booking SET updated_at=? WHERE uuid='b1'", now));
        measures.refresh();
        assertThat(segmentRows(DAY1)).containsExactly(0, 0);
        assertThat(segmentRows(DAY2)).containsExactly(1, 1);
        assertThat(measures.report(both, null)).isEqualTo(measures.raw(both, null));
        assertThat(segmentRows(DAY1)).as("computed again when asked").containsExactly(1, 1);

        // a new expression: every day computed again for it (everyone with a visit: alice, bob?, carol, dave)
        ts.server
                .visitors()
                .segments()
                .put(
                        "regulars",
                        new io.scenicpass.server.visitors.segments.SegmentService.Input("All", "visits12m >= 1"));
        Measures.Report changed = measures.report(both, null);
        assertThat(changed).isEqualTo(measures.raw(both, null));
        assertThat(changed.segments().get(0).dwellVisits())
                .as("every ended visit of both days: alice twice, dave once")
                .isEqualTo(3);
    }

    @Test
    void theAnswersSegmentSizesAreAtMostAMinuteOld() {
        Measures measures = ts.server.measures().measures;
        Period day = measures.period("2026-06-01", "2026-06-01");
        assertThat(measures.report(day, null).segments().get(0).size()).isEqualTo(2); // alice and carol
        ts.server
                .database()
                .tx(c -> Jdbc.update(
                        c,
                        "INSERT INTO visitor(created_at, last_fact_day, visits_12m) VALUES (?, ?, 5)",
                        ts.clock.instant().toEpochMilli(),
                        DAY1));
        assertThat(measures.report(day, null).segments().get(0).size())
                .as("counted less than a minute ago")
                .isEqualTo(2);
        assertThat(ts.server.visitors().segments().all().get(0).size())
                .as("the segments' own answer counts now")
                .isEqualTo(3);
        ts.clock.advance(Duration.ofSeconds(61));
        assertThat(measures.report(day, null).segments().get(0).size()).isEqualTo(3);
    }

    @Test
    void theDashboardCardIsAtMostHalfAMinuteOld() {
        Measures measures = ts.server.measures().measures;
        ts.clock.set(MeasureFacts.local(DAY2, "20:00")); // today is 06-02: b4, 80.00 in the shop
        assertThat(measures.today().total().sums().ticketsFen())
                .as("no refresh yet: refreshed first")
                .isEqualTo(8000);
        long now = ts.clock.instant().toEpochMilli();
        ts.server
                .database()
                .tx(c -> Jdbc.update(c, "UPDATE booking SET status='CANCELLED', updated_at=? WHERE uuid='b4'", now));
        assertThat(measures.today().total().sums().ticketsFen())
                .as("refreshed less than 30 s ago: the rollup as it stands")
                .isEqualTo(8000);
        assertThat(measures.report(measures.period(null, null), null)
                        .total()
                        .sums()
                        .ticketsFen())
                .as("the admin API's answer is exact")
                .isZero();

        ts.server
                .database()
                .tx(c -> Jdbc.update(c, "UPDATE booking SET status='CONFIRMED', updated_at=? WHERE uuid='b4'", now));
        measures.refreshForDashboard(); // the background job
        assertThat(measures.today()).isEqualTo(measures.raw(measures.period(null, null), null));
        assertThat(measures.today().total().sums().ticketsFen()).isEqualTo(8000);

        ts.server
                .database()
                .tx(c -> Jdbc.update(c, "UPDATE booking SET status='CANCELLED', updated_at=? WHERE uuid='b4'", now));
        ts.clock.advance(Measures.DASHBOARD_AGE.plusSeconds(1));
        assertThat(measures.today().total().sums().ticketsFen())
                .as("last refreshed more than 30 s ago: refreshed first")
                .isZero();
    }
}
