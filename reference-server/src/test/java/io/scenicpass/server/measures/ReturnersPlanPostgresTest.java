package io.scenicpass.server.measures;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.measures.store.MeasureStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The returners' look-back (repurchase rate, 12 months) on PostgreSQL reads one probe of {@code visit_by_visitor} per
 * visitor of the day, never the window's visits: with 10 days of history (200,000 visits) and a day of 20,000 (the
 * proportions at which an {@code EXISTS} became a hash semi-join over the window in the scale benchmark) the plan is
 * per row (a SubPlan through the index), whatever the sizes.
 */
@Tag("slow")
class ReturnersPlanPostgresTest {
    @TempDir
    Path dir;

    @Test
    void theLookBackProbesTheVisitorsIndexPerVisitorOfTheDay() throws Exception {
        PostgresServer.assumeAvailable("ReturnersPlanPostgresTest");
        LocalDate day = LocalDate.parse("2026-06-01");
        try (TestServer ts = new TestServer(
                dir,
                PostgresServer.get().newDatabase(),
                new MutableClock(Instant.parse("2026-06-01T00:00:00Z")),
                Map.of())) {
            String plan = ts.server.database().tx(c -> {
                // 10 days × 20,000 visits before the day, then the day's 20,000; 100,000 visitors, so some return
                Jdbc.update(
                        c,
                        "INSERT INTO visit(pass_id, visit_day, visitor_id, party) SELECT 'p' || g,"
                                + " CAST(? AS DATE) - (g % 11), (g * 7919) % 100000, 1"
                                + " FROM generate_series(0, 219999) g",
                        Date.valueOf(day));
                Jdbc.update(c, "ANALYZE visit");
                StringBuilder out = new StringBuilder();
                try (PreparedStatement ps =
                        c.prepareStatement("EXPLAIN (COSTS OFF) " + MeasureStore.RETURNERS_OF_DAY)) {
                    ps.setObject(1, day);
                    ps.setObject(2, day);
                    ps.setObject(3, day.minusYears(1));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                return out.toString();
            });
            assertThat(plan)
                    .as(plan)
                    .contains("SubPlan")
                    .contains("visit_by_visitor")
                    .doesNotContain("Semi Join")
                    .doesNotContain("Hash Join")
                    .doesNotContain("Seq Scan on visit y");
        }
    }
}
