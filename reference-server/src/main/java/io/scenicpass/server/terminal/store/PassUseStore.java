package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Dialect;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.PostgresDialect;
import io.scenicpass.server.terminal.store.EntryEventStore.Admission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The use counters of each pass ({@code pass_use}): admissions that stand, exits, first entry. */
public final class PassUseStore {

    /** The admissions of a pass that stand and count against its allowance, in time order. */
    public record PassEvents(List<Admission> admissions) {}

    /** The per-upload writes: JDBC batches (H2) or one upsert over arrays (PostgreSQL). */
    private interface Writes {
        void lock(Connection c, Collection<String> sortedPassIds, Instant now) throws SQLException;

        void update(
                Connection c,
                Collection<String> passIds,
                Map<String, PassEvents> events,
                Map<String, Integer> newExits,
                Instant now)
                throws SQLException;
    }

    private final Dialect dialect;
    private final Writes writes;

    public PassUseStore(Dialect dialect) {
        this.dialect = dialect;
        this.writes = dialect.<Writes>pick(H2Writes::new, PostgresWrites::new);
    }

    /**
     * Creates the passes' use rows where missing and locks them until the transaction ends, in the order given
     * (callers pass them sorted, one global order, so concurrent batches never deadlock): two JDBC batches
     * (PostgreSQL: one {@code INSERT ... ON CONFLICT DO UPDATE}).
     */
    public void lockPasses(Connection c, Collection<String> sortedPassIds, Instant now) throws SQLException {
        writes.lock(c, sortedPassIds, now);
    }

    /**
     * Writes the counters of the (locked) passes: entries and first entry from {@code events}, the standing
     * admissions (zero for a pass without any), exits counted up by {@code newExits} (this upload's). One JDBC batch
     * (PostgreSQL: one upsert).
     */
    public void updateUse(
            Connection c,
            Collection<String> passIds,
            Map<String, PassEvents> events,
            Map<String, Integer> newExits,
            Instant now)
            throws SQLException {
        writes.update(c, passIds, events, newExits, now);
    }

    /**
     * When each of {@code passIds} that has a standing admission was first admitted ({@code pass_use.first_entry_at}),
     * by pass id; passes never used are absent.
     */
    public Map<String, Instant> firstEntries(Connection c, Collection<String> passIds) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        for (Object[] r : dialect.listByKeys(
                c,
                "pass_id, first_entry_at",
                "pass_use",
                "pass_id",
                "entries > 0 AND first_entry_at IS NOT NULL",
                null,
                passIds,
                rs -> new Object[] {rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))})) {
            out.put((String) r[0], (Instant) r[1]);
        }
        return out;
    }

    /** The pass's admitted entries count (0 when it was never used). */
    public int entries(Connection c, String passId) throws SQLException {
        return Jdbc.one(c, "SELECT entries FROM pass_use WHERE pass_id=?", rs -> rs.getInt(1), passId)
                .orElse(0);
    }

    private static Long firstEntry(PassEvents e) {
        return e.admissions().isEmpty() ? null : e.admissions().get(0).time().toEpochMilli();
    }

    private static final PassEvents NONE = new PassEvents(List.of());

    private static final class H2Writes implements Writes {
        @Override
        public void lock(Connection c, Collection<String> sortedPassIds, Instant now) throws SQLException {
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO pass_use(pass_id, entries, exits) VALUES (?,0,0) ON CONFLICT DO NOTHING")) {
                for (String id : sortedPassIds) {
                    ins.setString(1, id);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            try (PreparedStatement lock = c.prepareStatement("UPDATE pass_use SET last_event_at=? WHERE pass_id=?")) {
                for (String id : sortedPassIds) {
                    lock.setLong(1, now.toEpochMilli());
                    lock.setString(2, id);
                    lock.addBatch();
                }
                lock.executeBatch();
            }
        }

        @Override
        public void update(
                Connection c,
                Collection<String> passIds,
                Map<String, PassEvents> events,
                Map<String, Integer> newExits,
                Instant now)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pass_use SET entries=?, exits=exits+?, first_entry_at=?, last_event_at=? WHERE pass_id=?")) {
                for (String id : passIds) {
                    PassEvents e = events.getOrDefault(id, NONE);
                    ps.setInt(1, e.admissions().size());
                    ps.setInt(2, newExits.getOrDefault(id, 0));
                    ps.setObject(3, firstEntry(e), java.sql.Types.BIGINT);
                    ps.setLong(4, now.toEpochMilli());
                    ps.setString(5, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** One statement each, the rows as arrays ({@code unnest}); locks still taken in the order given. */
    private static final class PostgresWrites implements Writes {
        /** Rows are inserted, or their conflicting row locked, in the order the select yields them. */
        @Override
        public void lock(Connection c, Collection<String> sortedPassIds, Instant now) throws SQLException {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO pass_use(pass_id, entries, exits, last_event_at)"
                            + " SELECT u.id, 0, 0, ? FROM unnest(?::varchar[]) WITH ORDINALITY AS u(id, n) ORDER BY u.n"
                            + " ON CONFLICT (pass_id) DO UPDATE SET last_event_at = EXCLUDED.last_event_at")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setArray(2, PostgresDialect.varchars(c, sortedPassIds));
                ps.executeUpdate();
            }
        }

        /** The passes are locked, so their rows exist: every row meets its conflict through the primary key. */
        @Override
        public void update(
                Connection c,
                Collection<String> passIds,
                Map<String, PassEvents> events,
                Map<String, Integer> newExits,
                Instant now)
                throws SQLException {
            int n = passIds.size();
            String[] ids = new String[n];
            Integer[] entries = new Integer[n];
            Integer[] exits = new Integer[n];
            Long[] first = new Long[n];
            int i = 0;
            for (String id : passIds) {
                PassEvents e = events.getOrDefault(id, NONE);
                ids[i] = id;
                entries[i] = e.admissions().size();
                exits[i] = newExits.getOrDefault(id, 0);
                first[i] = firstEntry(e);
                i++;
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO pass_use(pass_id, entries, exits, first_entry_at,"
                            + " last_event_at) SELECT v.pass_id, v.entries, v.exits, v.first_entry_at, ? FROM unnest(?::varchar[],"
                            + " ?::int[], ?::int[], ?::bigint[]) WITH ORDINALITY AS v(pass_id, entries, exits, first_entry_at, n)"
                            + " ORDER BY v.n ON CONFLICT (pass_id) DO UPDATE SET entries = EXCLUDED.entries,"
                            + " exits = pass_use.exits + EXCLUDED.exits,"
                            + " first_entry_at = EXCLUDED.first_entry_at, last_event_at = EXCLUDED.last_event_at")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setArray(2, c.createArrayOf("varchar", ids));
                ps.setArray(3, c.createArrayOf("int4", entries));
                ps.setArray(4, c.createArrayOf("int4", exits));
                ps.setArray(5, c.createArrayOf("int8", first));
                ps.executeUpdate();
            }
        }
    }
}
