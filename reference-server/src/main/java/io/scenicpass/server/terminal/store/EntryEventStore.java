package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Dialect;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Uploaded entry events ({@code entry_event}): what the terminals sent plus the server's answer. */
public final class EntryEventStore {
    /** The reason a terminal journals when an admitted visitor did not pass (sdk-terminal's Reason.NOT_PASSED). */
    public static final String NOT_PASSED = "NOT_PASSED";

    /** One stored entry event (what the terminal sent plus the server's status). */
    public record EntryRow(
            String eventId,
            String deviceId,
            String gateId,
            String zoneId,
            String passId,
            String direction,
            String credentialType,
            String verdict,
            String reason,
            Instant deviceTime,
            Instant correctedTime,
            boolean offline,
            int partyCount,
            String status,
            String message,
            Instant receivedAt,
            Double matchScore,
            Double matchThreshold) {
        /** A row without a face decision. */
        public EntryRow(
                String eventId,
                String deviceId,
                String gateId,
                String zoneId,
                String passId,
                String direction,
                String credentialType,
                String verdict,
                String reason,
                Instant deviceTime,
                Instant correctedTime,
                boolean offline,
                int partyCount,
                String status,
                String message,
                Instant receivedAt) {
            this(
                    eventId,
                    deviceId,
                    gateId,
                    zoneId,
                    passId,
                    direction,
                    credentialType,
                    verdict,
                    reason,
                    deviceTime,
                    correctedTime,
                    offline,
                    partyCount,
                    status,
                    message,
                    receivedAt,
                    null,
                    null);
        }
    }

    /** An admission of a pass, for the over-use check (status {@link #NOT_PASSED}: an admission given back). */
    public record Admission(
            String eventId, String deviceId, String gateId, String zoneId, Instant time, String status) {}

    /** A stored event's final answer (status OVERUSE_CONFLICT or REJECTED) and its message. */
    public record Answer(String eventId, String status, String message) {}

    /** The insert of one upload's events: a JDBC batch (H2) or one statement over arrays (PostgreSQL). */
    private interface Insert {
        Set<String> insertAll(Connection c, List<EntryRow> rows) throws SQLException;
    }

    private final Dialect dialect;
    private final Insert insert;

    public EntryEventStore(Dialect dialect) {
        this.dialect = dialect;
        this.insert = dialect.<Insert>pick(() -> EntryEventStore::insertBatch, () -> EntryEventStore::insertUnnest);
    }

    /** Stored events for the operator, newest first, filtered by any of device, pass and gate (null = any). */
    public List<EntryRow> list(Connection c, String deviceId, String passId, String gateId, int limit)
            throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        String[][] filters = {{"device_id", deviceId}, {"pass_id", passId}, {"gate_id", gateId}};
        for (String[] f : filters) {
            if (f[1] != null) {
                where.append(" AND ").append(f[0]).append("=?");
                args.add(f[1]);
            }
        }
        return Jdbc.list(
                c,
                "SELECT * FROM entry_event" + where + " ORDER BY corrected_time DESC, event_id FETCH FIRST " + limit
                        + " ROWS ONLY",
                EntryEventStore::row,
                args.toArray());
    }

    private static EntryRow row(ResultSet rs) throws SQLException {
        long deviceTime = rs.getLong("device_time");
        boolean noDeviceTime = rs.wasNull();
        return new EntryRow(
                rs.getString("event_id"),
                rs.getString("device_id"),
                rs.getString("gate_id"),
                rs.getString("zone_id"),
                rs.getString("pass_id"),
                rs.getString("direction"),
                rs.getString("credential_type"),
                rs.getString("verdict"),
                rs.getString("reason"),
                noDeviceTime ? null : Instant.ofEpochMilli(deviceTime),
                Instant.ofEpochMilli(rs.getLong("corrected_time")),
                rs.getBoolean("offline"),
                rs.getInt("party_count"),
                rs.getString("status"),
                rs.getString("message"),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                doubleOrNull(rs, "match_score"),
                doubleOrNull(rs, "match_threshold"));
    }

    private static Double doubleOrNull(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static final String COLUMNS = "event_id, device_id, gate_id, zone_id, pass_id, direction,"
            + " credential_type, verdict, reason, device_time, corrected_time, offline, party_count, status, message,"
            + " received_at, match_score, match_threshold";
    private static final String INSERT_COLUMNS = "INSERT INTO entry_event(" + COLUMNS + ") VALUES ";
    private static final String ROW_PARAMS = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /**
     * Inserts the events whose id is not stored yet, in the order given (callers sort by event id, so concurrent
     * batches meet on the primary key in one order), and returns the ids this call inserted. The ids must be
     * distinct. H2: one JDBC batch, per-row update counts; PostgreSQL: one {@code INSERT ... SELECT FROM unnest(...)
     * ON CONFLICT DO NOTHING RETURNING event_id} (one statement text whatever the upload's size).
     */
    public Set<String> insertAll(Connection c, List<EntryRow> rows) throws SQLException {
        return rows.isEmpty() ? new HashSet<>() : insert.insertAll(c, rows);
    }

    private static Set<String> insertBatch(Connection c, List<EntryRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_COLUMNS + ROW_PARAMS + " ON CONFLICT DO NOTHING")) {
            for (EntryRow e : rows) {
                Object[] v = values(e);
                for (int k = 0; k < v.length; k++) {
                    ps.setObject(k + 1, v[k], TYPES[k]);
                }
                ps.addBatch();
            }
            return Jdbc.changed(
                    ps.executeBatch(), rows.stream().map(EntryRow::eventId).toList());
        }
    }

    /** A row's column values, in {@link #COLUMNS} order. */
    private static Object[] values(EntryRow e) {
        return new Object[] {
            e.eventId(),
            e.deviceId(),
            e.gateId(),
            e.zoneId(),
            e.passId(),
            e.direction(),
            e.credentialType(),
            e.verdict(),
            e.reason(),
            BookingStore.millis(e.deviceTime()),
            e.correctedTime().toEpochMilli(),
            e.offline(),
            e.partyCount(),
            e.status(),
            e.message(),
            e.receivedAt().toEpochMilli(),
            e.matchScore(),
            e.matchThreshold()
        };
    }

    private static final int V = java.sql.Types.VARCHAR;
    private static final int L = java.sql.Types.BIGINT;
    private static final int D = java.sql.Types.DOUBLE;
    /** JDBC types of {@link #COLUMNS}, and their array element types on PostgreSQL. */
    private static final int[] TYPES = {
        V, V, V, V, V, V, V, V, V, L, L, java.sql.Types.BOOLEAN, java.sql.Types.INTEGER, V, V, L, D, D
    };

    private static final String[] ARRAY_TYPES = {
        "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "int8",
        "int8", "bool", "int4", "varchar", "varchar", "int8", "float8", "float8"
    };

    private static final String INSERT_UNNEST = "INSERT INTO entry_event(" + COLUMNS + ") SELECT r.event_id,"
            + " r.device_id, r.gate_id, r.zone_id, r.pass_id, r.direction, r.credential_type, r.verdict, r.reason,"
            + " r.device_time, r.corrected_time, r.offline, r.party_count, r.status, r.message, r.received_at,"
            + " r.match_score, r.match_threshold"
            + " FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::boolean[], ?::int[],"
            + " ?::varchar[], ?::varchar[], ?::bigint[], ?::float8[], ?::float8[]) WITH ORDINALITY AS r(" + COLUMNS
            + ", n)"
            + " ORDER BY r.n ON CONFLICT DO NOTHING RETURNING event_id";

    private static Set<String> insertUnnest(Connection c, List<EntryRow> rows) throws SQLException {
        int n = rows.size();
        Object[][] cols = new Object[ARRAY_TYPES.length][];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = TYPES[k] == L
                    ? new Long[n]
                    : TYPES[k] == D
                            ? new Double[n]
                            : TYPES[k] == V
                                    ? new String[n]
                                    : TYPES[k] == java.sql.Types.BOOLEAN ? new Boolean[n] : new Integer[n];
        }
        for (int i = 0; i < n; i++) {
            Object[] v = values(rows.get(i));
            for (int k = 0; k < cols.length; k++) {
                cols[k][i] = v[k];
            }
        }
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT_UNNEST)) {
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 1, c.createArrayOf(ARRAY_TYPES[k], cols[k]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        return inserted;
    }

    /**
     * The final answers of those of {@code eventIds} that {@code deviceId} stored and that were refused or found
     * over-used (a re-sent event is answered as it was; other devices' events are not disclosed).
     */
    public Map<String, Answer> finalAnswers(Connection c, Collection<String> eventIds, String deviceId)
            throws SQLException {
        Map<String, Answer> out = new HashMap<>();
        for (Answer a : dialect.listByKeys(
                c,
                "event_id, status, message",
                "entry_event",
                "event_id",
                "device_id=? AND status IN ('OVERUSE_CONFLICT','REJECTED')",
                null,
                eventIds,
                rs -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3)),
                deviceId)) {
            out.put(a.eventId(), a);
        }
        return out;
    }

    /**
     * The stored events of each pass that bear on its allowance, in time order (passes without any are absent): its
     * admitted IN events not recorded as over-use conflicts (a recorded conflict is final, so a pass's history of
     * conflicts is not read again at every upload), and its {@link #NOT_PASSED} events (status {@code NOT_PASSED}),
     * each giving an earlier admission back. Read under the pass locks, this sees every committed event of those
     * passes.
     */
    public Map<String, List<Admission>> admissions(Connection c, Collection<String> passIds) throws SQLException {
        Map<String, List<Admission>> out = new LinkedHashMap<>();
        String events = "((verdict='ADMIT' AND direction='IN' AND (status IS NULL OR status <> 'OVERUSE_CONFLICT'))"
                + " OR reason=?)";
        for (Object[] r : dialect.listByKeys(
                c,
                "pass_id, event_id, device_id, gate_id, zone_id, corrected_time," + " status, reason",
                "entry_event",
                "pass_id",
                events,
                "pass_id, corrected_time, event_id",
                passIds,
                rs -> new Object[] {
                    rs.getString(1),
                    new Admission(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            NOT_PASSED.equals(rs.getString(8)) ? NOT_PASSED : rs.getString(7))
                },
                NOT_PASSED)) {
            out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Admission) r[1]);
        }
        return out;
    }

    /** Marks events found over-used (status OVERUSE_CONFLICT and its message), in the order given: one JDBC batch. */
    public void markOverused(Connection c, List<String> eventIds, List<String> messages) throws SQLException {
        List<Object[]> statuses = new ArrayList<>(eventIds.size());
        for (int i = 0; i < eventIds.size(); i++) {
            statuses.add(new Object[] {"OVERUSE_CONFLICT", messages.get(i), eventIds.get(i)});
        }
        Jdbc.batch(c, "UPDATE entry_event SET status=?, message=? WHERE event_id=?", statuses);
    }
}
