package io.scenicpass.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.EntryIngestion;
import io.scenicpass.server.terminal.store.EntryEventStore;
import io.scenicpass.server.terminal.store.EntryEventStore.EntryRow;
import io.scenicpass.server.terminal.store.PassUseStore;
import io.scenicpass.server.terminal.store.PassUseStore.PassEvents;
import io.scenicpass.server.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL set forms of the ingestion writes ({@code PostgresDialect} and the stores' PostgreSQL forms) leave the same rows as the JDBC
 * batches H2 runs, and the key-list reads of growing tables are planned at every execution (never a cached generic
 * plan).
 */
@Tag("slow")
class EntryStorePostgresTest {
    static final Instant T0 = Instant.parse("2026-06-02T02:00:00Z");

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("EntryStorePostgresTest");
    }

    @Test
    void theSetFormsLeaveTheRowsTheH2BatchesLeave() {
        Database pg = new Database(PostgresServer.get().newDatabase(), "postgres", "", 2);
        Database h2 = new Database(
                "jdbc:h2:file:" + dir.resolve("db")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                2);
        try {
            List<String> seen = new ArrayList<>();
            for (Database db : List.of(pg, h2)) {
                seen.add(db.tx(c -> scenario(db, c)));
            }
            // p3 had no new events: its admissions are recounted (none stand), its exits count up from the stored 5
            assertThat(seen.get(0)).isEqualTo(seen.get(1)).contains("p1|2|1|").contains("p3|0|5|null");
        } finally {
            pg.close();
            h2.close();
        }
    }

    /** Two uploads over three passes (one use row already there); returns what they left, as text. */
    private String scenario(Database db, Connection c) throws SQLException {
        EntryEventStore entries = new EntryEventStore(db.dialect());
        PassUseStore use = new PassUseStore(db.dialect());
        try (Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO pass_use(pass_id, entries, exits, first_entry_at, last_event_at)"
                    + " VALUES ('p3', 5, 5, 1, 1)");
        }
        Set<String> first = entries.insertAll(
                c,
                List.of(
                        row("e1", "p1", "IN", "ADMIT", null, 0),
                        row("e2", "p1", "OUT", "ADMIT", null, 10),
                        row("e3", null, "IN", "DENY", "NOT_FOUND", 20)));
        Set<String> second = entries.insertAll(
                c,
                List.of(
                        row("e1", "p1", "IN", "ADMIT", null, 0),
                        row("e4", "p1", "IN", "ADMIT", null, 30),
                        row("e5", "p2", "IN", "ADMIT", null, 40),
                        row("e6", "p2", "IN", "ADMIT", EntryEventStore.NOT_PASSED, 50)));
        TreeSet<String> passes = new TreeSet<>(List.of("p1", "p2", "p3"));
        use.lockPasses(c, passes, T0.plusSeconds(60));
        Map<String, PassEvents> events = EntryIngestion.standing(entries.admissions(c, passes));
        use.updateUse(c, passes, events, Map.of("p1", 1), T0.plusSeconds(61)); // e2: p1's exit
        StringBuilder out = new StringBuilder("first " + new TreeSet<>(first) + " second " + new TreeSet<>(second));
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT pass_id, entries, exits, first_entry_at, last_event_at FROM pass_use"
                                + " ORDER BY pass_id")) {
            while (rs.next()) {
                out.append('\n')
                        .append(rs.getString(1))
                        .append('|')
                        .append(rs.getInt(2))
                        .append('|')
                        .append(rs.getInt(3))
                        .append('|')
                        .append(rs.getObject(4))
                        .append('|')
                        .append(rs.getLong(5));
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT event_id, pass_id, direction, verdict, reason, device_time,"
                        + " corrected_time, offline, party_count, status, message, received_at FROM entry_event"
                        + " ORDER BY event_id")) {
            while (rs.next()) {
                out.append('\n');
                for (int i = 1; i <= 12; i++) {
                    out.append(rs.getObject(i)).append('|'); // Long, Integer, Boolean, String: the same text on both
                }
            }
        }
        return out.toString();
    }

    private static EntryRow row(String id, String pass, String dir, String verdict, String reason, int at) {
        Instant t = T0.plusSeconds(at);
        return new EntryRow(
                id,
                "dev",
                "gate",
                "park",
                pass,
                dir,
                "QR",
                verdict,
                reason,
                at == 0 ? null : t,
                t,
                at % 20 == 0,
                1,
                "ACCEPTED",
                at == 40 ? "note" : null,
                T0);
    }

    @Test
    void keyListReadsOfGrowingTablesAreNeverServerPrepared() throws SQLException {
        Database pg = new Database(PostgresServer.get().newDatabase(), "postgres", "", 2);
        EntryEventStore entries = new EntryEventStore(pg.dialect());
        PassUseStore use = new PassUseStore(pg.dialect());
        PassStore passStore = new PassStore(pg.dialect());
        BookingStore bookings = new BookingStore(pg.dialect());
        try {
            int prepared = pg.tx(c -> {
                for (int i = 0; i < 8; i++) { // the driver prepares a statement by name from its fifth execution
                    TreeSet<String> passes = new TreeSet<>(List.of("a" + i, "b" + i, "c" + i));
                    entries.insertAll(c, List.of(row("e" + i, "a" + i, "IN", "ADMIT", null, i)));
                    use.lockPasses(c, passes, T0);
                    use.updateUse(c, passes, EntryIngestion.standing(entries.admissions(c, passes)), Map.of(), T0);
                    passStore.issued(c, passes);
                    passStore.ofBookings(c, List.of("b" + i));
                    bookings.redeem(c, List.of("b" + i), T0);
                    bookings.findAll(c, List.of("b" + i, "c" + i));
                }
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery(
                                "SELECT COUNT(*) FILTER (WHERE statement LIKE '%CROSS JOIN LATERAL%'"
                                        + " OR statement LIKE '%FROM booking WHERE uuid IN%'),"
                                        + " COUNT(*) FILTER (WHERE statement LIKE '%INSERT INTO pass_use%') FROM pg_prepared_statements")) {
                    rs.next();
                    assertThat(rs.getInt(2))
                            .as("the plan-free upserts are prepared once")
                            .isEqualTo(2);
                    return rs.getInt(1);
                }
            });
            assertThat(prepared)
                    .as("key-list reads prepared by name (a cached generic plan)")
                    .isZero();
        } finally {
            pg.close();
        }
    }
}
