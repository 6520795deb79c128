package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Dialect;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.BookingState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Bookings with their unit items (in the booking's row, see {@link #itemsJson}). Status changes are conditional
 * updates (compare-and-set on status).
 */
public final class BookingStore {

    private final BookingRedemption redemption;

    public BookingStore(Dialect dialect) {
        this.redemption = new BookingRedemption(dialect);
    }

    public void insert(Connection c, Booking b) throws SQLException {
        Jdbc.update(c, BookingRows.INSERT_BOOKING, BookingRows.bookingRow(b));
    }

    /** Inserts several bookings (their unit items are in their rows) with one JDBC batch (the caller's transaction). */
    public void insertAll(Connection c, List<Booking> list) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BookingRows.INSERT_BOOKING)) {
            for (Booking b : list) {
                bind(ps, BookingRows.bookingRow(b));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * PostgreSQL only: holds the places of ALL {@code list} in slot {@code slotId} with one conditional update
     * and inserts the bookings with their unit items, in ONE statement (data-modifying CTEs over {@code unnest}
     * arrays, so the SQL text is the same for any batch size and stays a server-side prepared statement).
     * All or nothing: either every booking is held and inserted, or nothing changes.
     *
     * @return true when held and inserted; false when the slot had not enough places for all or is closed
     */
    public boolean insertHeldPostgres(Connection c, List<Booking> list, String slotId) throws SQLException {
        int n = 0;
        for (Booking b : list) {
            n += b.quantity();
        }
        try (PreparedStatement ps = c.prepareStatement(BookingRows.PG_HOLD_AND_INSERT)) {
            int p = 1;
            ps.setInt(p++, n);
            ps.setString(p++, slotId);
            ps.setInt(p++, n);
            BookingRows.bindColumns(c, ps, p, list);
            return ps.executeUpdate() == list.size();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    public Optional<Booking> find(Connection c, String uuid) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM booking WHERE uuid=?", BookingRows::booking, uuid);
    }

    /** The bookings (any channel) whose uuid, supplier or reseller reference is {@code ref}: at most 50. */
    public List<Booking> byReference(Connection c, String ref) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM booking WHERE uuid=? OR supplier_reference=? OR reseller_reference=?"
                        + " ORDER BY uuid FETCH FIRST 50 ROWS ONLY",
                BookingRows::booking,
                ref,
                ref,
                ref);
    }

    /** {@link #find} with the row locked until the transaction ends (a change that re-reads before it writes). */
    public Optional<Booking> findForUpdate(Connection c, String uuid) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM booking WHERE uuid=? FOR UPDATE", BookingRows::booking, uuid);
    }

    /**
     * Writes what a booking is for after a change (product, option, slot, quantity, unit items, totals; see
     * {@link Booking#movedTo}), in the caller's transaction. The status is kept.
     */
    public void rebook(Connection c, Booking b, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE booking SET product_id=?, option_id=?, slot_id=?, pool_id=?, local_date=?, quantity=?,"
                        + " from_allotment=?, currency=?, total_retail=?, total_net=?, unit_items=?, updated_at=?"
                        + " WHERE uuid=?",
                b.productId(),
                b.optionId(),
                b.slotId(),
                b.poolId(),
                b.localDate(),
                b.quantity(),
                b.fromAllotment(),
                b.currency(),
                b.totalRetail(),
                b.totalNet(),
                itemsJson(b.unitItems()),
                now.toEpochMilli(),
                b.uuid());
    }

    /**
     * The bookings among {@code uuids} with their unit items, by uuid (one query per 500 uuids instead of one per
     * booking). Unknown uuids are absent from the map.
     */
    public java.util.Map<String, Booking> findAll(Connection c, java.util.Collection<String> uuids)
            throws SQLException {
        java.util.Map<String, Booking> out = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(uuids);
        for (int from = 0; from < all.size(); from += Jdbc.IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + Jdbc.IN_CHUNK));
            // planned at every execution on PostgreSQL: a generic plan cached while booking was small would keep
            // scanning the whole table as it grows (what happened to the entry reads, see PostgresDialect)
            for (Booking b : Jdbc.list(
                    c,
                    "SELECT * FROM booking WHERE uuid IN (" + Jdbc.marks(chunk.size()) + ")",
                    true,
                    BookingRows::booking,
                    chunk.toArray())) {
                out.put(b.uuid(), b);
            }
        }
        return out;
    }

    /** Lists a channel's bookings matching the optional filters, newest first, at most {@code limit}. */
    public List<Booking> list(
            Connection c,
            String channelId,
            String resellerRef,
            String supplierRef,
            LocalDate from,
            LocalDate to,
            int limit)
            throws SQLException {
        return list(c, channelId, resellerRef, supplierRef, from, to, 0, limit);
    }

    /** As above, skipping the first {@code offset} (newest first, ties by uuid: a stable order for paging). */
    public List<Booking> list(
            Connection c,
            String channelId,
            String resellerRef,
            String supplierRef,
            LocalDate from,
            LocalDate to,
            int offset,
            int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM booking WHERE channel_id=?");
        List<Object> args = new ArrayList<>();
        args.add(channelId);
        if (resellerRef != null) {
            sql.append(" AND reseller_reference=?");
            args.add(resellerRef);
        }
        if (supplierRef != null) {
            sql.append(" AND supplier_reference=?");
            args.add(supplierRef);
        }
        if (from != null || to != null) {
            // a date's bookings are those of its slots: slot → booking_by_slot (V43: no index on booking.local_date)
            sql.append(" AND slot_id IN (SELECT id FROM slot WHERE local_date BETWEEN ? AND ?)");
            args.add(from == null ? LocalDate.of(1, 1, 1) : from);
            args.add(to == null ? LocalDate.of(9999, 12, 31) : to);
        }
        sql.append(" ORDER BY created_at DESC, uuid OFFSET ")
                .append(Math.max(0, offset))
                .append(" ROWS FETCH FIRST ")
                .append(limit)
                .append(" ROWS ONLY");
        return Jdbc.list(c, sql.toString(), BookingRows::booking, args.toArray());
    }

    /**
     * Compare-and-set of the status (a move {@link BookingState#canBecome} allows), stamping the new state's time;
     * true when this call made the change.
     */
    public boolean transition(Connection c, String uuid, BookingState from, BookingState to, Instant now)
            throws SQLException {
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException("a booking cannot move from " + from + " to " + to);
        }
        String stamp = switch (to) {
            case CONFIRMED -> ", confirmed_at = ";
            case CANCELLED -> ", cancelled_at = ";
            case REDEEMED -> ", redeemed_at = ";
            case ON_HOLD, EXPIRED -> null;
        };
        String extra = stamp == null ? "" : stamp + now.toEpochMilli();
        return Jdbc.update(
                        c,
                        "UPDATE booking SET status=?, updated_at=?" + extra + " WHERE uuid=? AND status=?",
                        to.name(),
                        now.toEpochMilli(),
                        uuid,
                        from.name())
                == 1;
    }

    /**
     * Moves the bookings still CONFIRMED to REDEEMED (the compare-and-set of {@link #transition}) in the order given
     * (sorted by the caller, so concurrent uploads never deadlock on them) and returns those this call moved. H2: one
     * JDBC batch; PostgreSQL: one statement locking them in that order.
     */
    public java.util.Set<String> redeem(Connection c, Collection<String> uuids, Instant now) throws SQLException {
        return redemption.redeem(c, uuids, now);
    }

    /** Expires a hold only if it is still ON_HOLD and its expiry has passed. */
    public boolean expireIfDue(Connection c, String uuid, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE booking SET status='EXPIRED', updated_at=? WHERE uuid=? AND status='ON_HOLD'"
                                + " AND expires_at <= ?",
                        now.toEpochMilli(),
                        uuid,
                        now.toEpochMilli())
                == 1;
    }

    public void setExpiry(Connection c, String uuid, Instant expiresAt, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE booking SET expires_at=?, updated_at=? WHERE uuid=?",
                expiresAt.toEpochMilli(),
                now.toEpochMilli(),
                uuid);
    }

    public void updateDetails(
            Connection c, String uuid, String resellerRef, String contactJson, String notes, Instant now)
            throws SQLException {
        Jdbc.update(
                c,
                "UPDATE booking SET reseller_reference=COALESCE(?, reseller_reference),"
                        + " contact_json=COALESCE(?, contact_json), notes=COALESCE(?, notes), updated_at=? WHERE uuid=?",
                resellerRef,
                contactJson,
                notes,
                now.toEpochMilli(),
                uuid);
    }

    public void setCancellation(Connection c, String uuid, String refund, String reason) throws SQLException {
        Jdbc.update(c, "UPDATE booking SET cancel_refund=?, cancel_reason=? WHERE uuid=?", refund, reason, uuid);
    }

    public void setFromAllotment(Connection c, String uuid, int n) throws SQLException {
        Jdbc.update(c, "UPDATE booking SET from_allotment=? WHERE uuid=?", n, uuid);
    }

    /** Replaces a booking's unit items (e.g. with their pass ids once issued), in the caller's transaction. */
    public void setItems(Connection c, String uuid, List<Booking.UnitItem> items) throws SQLException {
        Jdbc.update(c, "UPDATE booking SET unit_items=? WHERE uuid=?", itemsJson(items), uuid);
    }

    /**
     * The {@code unit_items} column (since V41 a booking's unit items live in its row, not in a table of their own
     * with three index entries each): a JSON array of {@link Booking.UnitItem} objects, absent fields null.
     */
    public static String itemsJson(List<Booking.UnitItem> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // records of strings and numbers always serialise
        }
    }

    /** Parses the {@code unit_items} column ({@link #itemsJson}); null means none. */
    public static List<Booking.UnitItem> items(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, ITEMS));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable unit_items column: " + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
    private static final com.fasterxml.jackson.core.type.TypeReference<List<Booking.UnitItem>> ITEMS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    public static Instant instant(ResultSet rs, String col) throws SQLException {
        Long v = Jdbc.longOrNull(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    public static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
