package io.scenicpass.server.flow.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Read-side aggregates of the live flow: occupancy, arrivals in buckets, the gate × hour heatmap, channel share,
 * slot fill, and the per-pass samples the forecast learns from. All sums are SQL aggregates; times are epoch ms.
 * An admitted event counts unless the server rejected it (an offline over-use still let a person through); a
 * {@code NOT_PASSED} event (a DENY copy of an admission whose visitor never went through the turnstile) counts
 * negatively, giving that admission back.
 */
public final class FlowStore {
    private static final String ADMITTED = " status <> 'REJECTED' AND (verdict='ADMIT' OR reason='NOT_PASSED') ";
    private static final String SIGNED = " (CASE WHEN reason='NOT_PASSED' THEN -party_count ELSE party_count END) ";
    private static final String SOLD = " b.status IN ('CONFIRMED','REDEEMED') ";

    /** People through the gates of one zone: in, out (party counts). */
    public record ZoneCount(String zoneId, long in, long out) {}

    /** A count in a time bucket of a key (gate id or slot id); {@code bucket} = (t - origin) / width. */
    public record Bucket(String key, long bucket, long people) {}

    /** Sales of one channel. */
    public record ChannelSales(String channelId, String channelName, long bookings, long units, long retail) {}

    /** A slot with its counters and the people of its passes who entered. */
    public record SlotFill(
            String slotId,
            String productId,
            Instant startAt,
            Instant endAt,
            int capacity,
            int held,
            int sold,
            boolean closed,
            long entered) {}

    /**
     * One sold pass for learning and forecasting: its slot, when it was booked, how many people it admits, when
     * it first entered (null = not yet / never) and through which gate.
     */
    public record PassSample(
            String passId,
            String slotId,
            String productId,
            Instant slotStart,
            Instant slotEnd,
            Instant bookedAt,
            int people,
            Instant firstEntry,
            String firstGate) {}

    /** A gate with its devices' health. */
    public record GateDevice(
            String gateId,
            String gateName,
            String zoneId,
            String direction,
            String deviceId,
            String deviceName,
            boolean revoked,
            Instant lastSeenAt) {}

    public List<ZoneCount> zoneCounts(Connection c, Instant from, Instant to) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT zone_id, SUM(CASE WHEN direction='IN' THEN" + SIGNED + "ELSE 0 END),"
                        + " SUM(CASE WHEN direction='OUT' THEN" + SIGNED + "ELSE 0 END) FROM entry_event WHERE"
                        + ADMITTED
                        + " AND corrected_time >= ? AND corrected_time < ? GROUP BY zone_id ORDER BY zone_id",
                rs -> new ZoneCount(rs.getString(1) == null ? "?" : rs.getString(1), rs.getLong(2), rs.getLong(3)),
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Admitted IN people per gate in buckets of {@code widthMillis} from {@code from}. */
    public List<Bucket> gateArrivals(Connection c, Instant from, Instant to, long widthMillis) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT k, bk, SUM(n) FROM (SELECT gate_id AS k, (corrected_time - ?) / ? AS bk,"
                        + SIGNED + "AS n FROM entry_event WHERE" + ADMITTED
                        + " AND direction='IN' AND corrected_time >= ?"
                        + " AND corrected_time < ?) t GROUP BY k, bk ORDER BY 1, 2",
                rs -> new Bucket(rs.getString(1) == null ? "?" : rs.getString(1), rs.getLong(2), rs.getLong(3)),
                from.toEpochMilli(),
                widthMillis,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Admitted IN people per slot (through pass → booking) in buckets of {@code widthMillis} from {@code from}. */
    public List<Bucket> slotArrivals(Connection c, Instant from, Instant to, long widthMillis) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT k, bk, SUM(n) FROM (SELECT b.slot_id AS k, (e.corrected_time - ?) / ? AS bk,"
                        + " (CASE WHEN e.reason='NOT_PASSED' THEN -e.party_count ELSE e.party_count END) AS n FROM entry_event e"
                        + " JOIN pass p ON p.pass_id = e.pass_id JOIN booking b ON b.uuid = p.booking_uuid"
                        + " WHERE (e.verdict='ADMIT' OR e.reason='NOT_PASSED') AND e.status <> 'REJECTED'"
                        + " AND e.direction='IN' AND e.corrected_time >= ? AND e.corrected_time < ?) t GROUP BY k, bk ORDER BY 1, 2",
                rs -> new Bucket(rs.getString(1), rs.getLong(2), rs.getLong(3)),
                from.toEpochMilli(),
                widthMillis,
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Confirmed and redeemed sales per channel for one visit date. */
    public List<ChannelSales> channelSales(Connection c, LocalDate date) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT b.channel_id, MAX(ch.name), COUNT(*), SUM(b.quantity), SUM(b.total_retail)"
                        + " FROM slot s JOIN booking b ON b.slot_id = s.id LEFT JOIN channel ch ON ch.id = b.channel_id"
                        + " WHERE s.local_date = ? AND"
                        + SOLD // a date's bookings are its slots' (V43: booking_by_slot)
                        + " GROUP BY b.channel_id ORDER BY 4 DESC, 1",
                rs -> new ChannelSales(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                date);
    }

    /** The slots of a date with their counters and entered people. */
    public List<SlotFill> slotFill(Connection c, LocalDate date) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT s.id, s.product_id, s.start_at, s.end_at, s.capacity, s.held, s.sold, s.closed,"
                        + " COALESCE((SELECT SUM(p.party_size) FROM booking b JOIN pass p ON p.booking_uuid = b.uuid"
                        + " JOIN pass_use u ON u.pass_id = p.pass_id WHERE b.slot_id = s.id AND u.entries > 0), 0)"
                        + " FROM slot s WHERE s.local_date = ? ORDER BY s.start_at, s.product_id",
                rs -> new SlotFill(
                        rs.getString(1),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getBoolean(8),
                        rs.getLong(9)),
                date);
    }

    /** Sold passes of the slots starting in [from, to), with their first entry (if any). */
    public List<PassSample> passSamples(Connection c, Instant from, Instant to) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT p.pass_id, b.slot_id, b.product_id, s.start_at, s.end_at, b.created_at,"
                        + " p.party_size, u.first_entry_at, (SELECT MIN(e.gate_id) FROM entry_event e WHERE e.pass_id = p.pass_id"
                        + " AND e.corrected_time = u.first_entry_at AND e.direction='IN') FROM booking b"
                        + " JOIN slot s ON s.id = b.slot_id JOIN pass p ON p.booking_uuid = b.uuid"
                        + " LEFT JOIN pass_use u ON u.pass_id = p.pass_id AND u.entries > 0"
                        + " WHERE" + SOLD + " AND s.start_at >= ? AND s.start_at < ?",
                rs -> new PassSample(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        Instant.ofEpochMilli(rs.getLong(6)),
                        rs.getInt(7),
                        BookingStore.instant(rs, "first_entry_at"),
                        rs.getString(9)),
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Mean time between a pass's first entry and its first exit after it, over first entries in [from, to). */
    public Double meanDwellMillis(Connection c, Instant from, Instant to) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT AVG(o.t - u.first_entry_at) FROM pass_use u JOIN (SELECT pass_id, MIN(corrected_time)"
                                + " AS t FROM entry_event WHERE verdict='ADMIT' AND status <> 'REJECTED' AND direction='OUT'"
                                + " AND corrected_time >= ?"
                                + " GROUP BY pass_id) o ON o.pass_id = u.pass_id WHERE u.first_entry_at >= ? AND u.first_entry_at < ?"
                                + " AND o.t > u.first_entry_at",
                        rs -> {
                            double v = rs.getDouble(1);
                            return rs.wasNull() ? Double.NaN : v;
                        },
                        from.toEpochMilli(),
                        from.toEpochMilli(),
                        to.toEpochMilli())
                .filter(v -> !v.isNaN())
                .orElse(null);
    }

    /** Capacity of a daily pool on a date (the row, else the pool's default). */
    public Integer dayCapacity(Connection c, String poolId, LocalDate date) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT capacity FROM day_pool WHERE pool_id=? AND local_date=?",
                        rs -> rs.getInt(1),
                        poolId,
                        date)
                .or(() -> {
                    try {
                        return Jdbc.one(
                                c, "SELECT capacity FROM day_pool_default WHERE pool_id=?", rs -> rs.getInt(1), poolId);
                    } catch (SQLException e) {
                        throw new StoreException(e);
                    }
                })
                .orElse(null);
    }

    /** Every gate with its devices (a gate without a device appears once with null device fields). */
    public List<GateDevice> gateDevices(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT g.id, g.name, g.zone_id, g.direction, d.id, d.name, d.revoked, d.last_seen_at"
                        + " FROM gate g LEFT JOIN device d ON d.gate_id = g.id ORDER BY g.id, d.id",
                rs -> new GateDevice(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        BookingStore.instant(rs, "last_seen_at")));
    }

    /** Admitted events received so far (all time). */
    public long entriesIngested(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM entry_event", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Largest lag between now and a live device's last contact (ms), 0 without devices. */
    public long maxSyncLagMillis(Connection c, Instant now) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT MIN(last_seen_at) FROM device WHERE NOT revoked AND last_seen_at IS NOT NULL",
                        rs -> {
                            long v = rs.getLong(1);
                            return rs.wasNull() ? 0L : Math.max(0L, now.toEpochMilli() - v);
                        })
                .orElse(0L);
    }

    /** Sets a slot's capacity by {@code delta} unless that drops it below held + sold; false then. */
    public boolean addCapacity(Connection c, String slotId, int delta) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE slot SET capacity = capacity + ? WHERE id = ? AND held + sold <= capacity + ?"
                                + " AND capacity + ? >= 0",
                        delta,
                        slotId,
                        delta,
                        delta)
                == 1;
    }
    // ---- synthetic demo history (bulk inserts) ----

    /** One synthetic entry or exit of a history pass. */
    public record HistoryEvent(String eventId, String gateId, String zoneId, String direction, Instant time) {}

    /** One synthetic sold booking with one pass (party = quantity) and its gate events. */
    public record HistoryBooking(
            String uuid,
            String channelId,
            String productId,
            String optionId,
            String slotId,
            String poolId,
            LocalDate date,
            int quantity,
            long retail,
            Instant createdAt,
            String passId,
            Instant validFrom,
            Instant validUntil,
            boolean hidden,
            List<HistoryEvent> events) {}

    /** Inserts bookings, passes, entry events and use counts in JDBC batches (one round trip per table). */
    public void insertHistory(Connection c, List<HistoryBooking> rows) throws SQLException {
        try (java.sql.PreparedStatement b = c.prepareStatement("INSERT INTO booking(uuid, channel_id, product_id,"
                        + " option_id, slot_id, pool_id, local_date, status, quantity, from_allotment, request_hash,"
                        + " supplier_reference, currency, total_retail, total_net, created_at, updated_at, confirmed_at, redeemed_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,0,'demo-history',?,'CNY',?,?,?,?,?,?)");
                java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO pass(pass_id, booking_uuid, key_id,"
                        + " pass_text, party_size, valid_from, valid_until, revoked, issued_at) VALUES (?,?,'demo-history',"
                        + "'demo-history',?,?,?,?,?)");
                java.sql.PreparedStatement e =
                        c.prepareStatement("INSERT INTO entry_event(event_id, device_id, gate_id,"
                                + " zone_id, pass_id, direction, credential_type, verdict, reason, device_time, corrected_time, offline,"
                                + " party_count, status, received_at) VALUES (?,'demo-history',?,?,?,?,'QR','ADMIT','OK',?,?,FALSE,?,"
                                + "'ACCEPTED',?)");
                java.sql.PreparedStatement u = c.prepareStatement("INSERT INTO pass_use(pass_id, entries, exits,"
                        + " first_entry_at, last_event_at) VALUES (?,?,?,?,?)")) {
            for (HistoryBooking h : rows) {
                Long first = null;
                Long last = null;
                int ins = 0;
                int outs = 0;
                for (HistoryEvent ev : h.events()) {
                    long t = ev.time().toEpochMilli();
                    if ("IN".equals(ev.direction())) {
                        ins++;
                        first = first == null ? t : Math.min(first, t);
                    } else {
                        outs++;
                    }
                    last = last == null ? t : Math.max(last, t);
                    e.setString(1, ev.eventId());
                    e.setString(2, ev.gateId());
                    e.setString(3, ev.zoneId());
                    e.setString(4, h.passId());
                    e.setString(5, ev.direction());
                    e.setLong(6, t);
                    e.setLong(7, t);
                    e.setInt(8, h.quantity());
                    e.setLong(9, t);
                    e.addBatch();
                }
                long created = h.createdAt().toEpochMilli();
                b.setString(1, h.uuid());
                b.setString(2, h.channelId());
                b.setString(3, h.productId());
                b.setString(4, h.optionId());
                b.setString(5, h.slotId());
                b.setString(6, h.poolId());
                b.setObject(7, h.date());
                b.setString(8, (first == null ? BookingState.CONFIRMED : BookingState.REDEEMED).name());
                b.setInt(9, h.quantity());
                b.setString(10, "HIST-" + h.passId());
                b.setLong(11, h.retail());
                b.setLong(12, h.retail());
                b.setLong(13, created);
                b.setLong(14, last == null ? created : last);
                b.setLong(15, created);
                b.setObject(16, first);
                b.addBatch();
                p.setString(1, h.passId());
                p.setString(2, h.uuid());
                p.setInt(3, h.quantity());
                p.setLong(4, h.validFrom().toEpochMilli());
                p.setLong(5, h.validUntil().toEpochMilli());
                p.setBoolean(6, h.hidden());
                p.setLong(7, created);
                p.addBatch();
                if (first != null) {
                    u.setString(1, h.passId());
                    u.setInt(2, ins);
                    u.setInt(3, outs);
                    u.setLong(4, first);
                    u.setLong(5, last);
                    u.addBatch();
                }
            }
            b.executeBatch();
            p.executeBatch();
            e.executeBatch();
            u.executeBatch();
        }
    }

    /** Adds sold places to a slot and its day pool (synthetic history only). */
    public void addSold(Connection c, String slotId, String poolId, LocalDate date, int n) throws SQLException {
        Jdbc.update(c, "UPDATE slot SET sold = sold + ? WHERE id = ?", n, slotId);
        if (poolId != null) {
            Jdbc.update(c, "UPDATE day_pool SET sold = sold + ? WHERE pool_id = ? AND local_date = ?", n, poolId, date);
        }
    }
}
