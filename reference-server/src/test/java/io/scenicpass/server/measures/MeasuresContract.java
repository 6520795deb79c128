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
    void averageSpendPerVisitorByDayAndChannel() {
        // average spend = (tickets + receipts) ÷ people admitted; no receipts in this set:
        // 06-01 ctrip: (200.00 + 100.00) ÷ 2 people of b1 (b2 did not come) = 150.00
        // 06-01 shop:  250.00 ÷ 3 = 83.333 → 83.33 (rounded to the fen)
        // 06-01 all:   550.00 ÷ 5 = 110.00; 06-02: 80.00 ÷ 1 = 80.00; both days: 630.00 ÷ 6 = 105.00
        JsonNode m = measures("from=2026-06-01&to=2026-06-02");
        JsonNode ctrip = line(m.get("lines"), "2026-06-01", "ctrip");
        assertThat(ctrip.at("/sums/ticketsFen").asLong()).isEqualTo(30000);
        assertThat(ctrip.at("/sums/admitted").asLong()).isEqualTo(2);
        assertThat(ctrip.at("/measures/averageSpendFen").asLong()).isEqualTo(15000);
        assertThat(line(m.get("lines"), "2026-06-01", "shop-test")
                        .at("/measures/averageSpendFen")
                        .asLong())
                .isEqualTo(8333);
        assertThat(line(m.get("days"), "2026-06-01", null)
                        .at("/measures/averageSpendFen")
                        .asLong())
                .isEqualTo(11000);
        assertThat(line(m.get("days"), "2026-06-02", null)
                        .at("/measures/averageSpendFen")
                        .asLong())
                .isEqualTo(8000);
        assertThat(m.at("/total/measures/averageSpendFen").asLong()).isEqualTo(10500);
        assertThat(m.at("/total/sums/bookings").asLong()).isEqualTo(4);
    }

    @Test
    void oneChannelAndTypedErrors() {
        // ctrip only: 300.00 ÷ 2 people = 150.00, one day with data
        JsonNode m = measures("from=2026-06-01&to=2026-06-02&channel=ctrip");
        assertThat(m.get("lines")).hasSize(1);
        assertThat(m.at("/total/measures/averageSpendFen").asLong()).isEqualTo(15000);
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
        assertThat(measures.refresh()).as("nothing changed: no day recomputed").isZero();

        // a day later: b2 cancelled, b4 moved to 06-01, a late offline entry of b2's pass for 06-01
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
        Measures.Report after = measures.report(both, null);
        assertThat(after).isEqualTo(measures.raw(both, null));
        // 06-01 ctrip: b1 only = 200.00, 1 booking, 2 + 1 (b2's late entry) admitted
        Measures.Line ctrip = after.lines().stream()
                .filter(l -> l.day().equals(DAY1) && l.channelId().equals("ctrip"))
                .findFirst()
                .orElseThrow();
        assertThat(ctrip.sums().ticketsFen()).isEqualTo(20000);
        assertThat(ctrip.sums().bookings()).isEqualTo(1);
        assertThat(ctrip.sums().admitted()).isEqualTo(3);
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
}
