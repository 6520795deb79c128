package io.scenicpass.server.visitors.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's side of bookings ({@code visitor_booking}, {@code visitor_booking_unit}) and what it reads of a sold
 * booking to link it: the booking, its units by type, its first named unit's document hash, the shop account.
 */
public final class BookingLinkStore {
    /** A sold booking as the hub reads it (the contact is the OCTO contact JSON, or null). */
    public record Source(
            String uuid,
            String channelId,
            String productId,
            LocalDate day,
            int quantity,
            String contactJson,
            long confirmedAt,
            String status) {}

    /** A booking as the hub keeps it. */
    public record Link(
            String uuid, Long visitorId, String channelId, String productId, LocalDate day, int units, long at) {}

    /** A confirmed (or redeemed) booking not linked yet, confirmed at or after {@code from}; ordered by time. */
    public List<Source> unlinked(Connection c, long from, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + SOURCE
                        + " FROM booking b WHERE b.confirmed_at >= ? AND b.status IN ('CONFIRMED','REDEEMED')"
                        + " AND NOT EXISTS (SELECT 1 FROM visitor_booking vb WHERE vb.booking_uuid=b.uuid)"
                        + " ORDER BY b.confirmed_at LIMIT " + limit,
                BookingLinkStore::source,
                from);
    }

    public Optional<Source> source(Connection c, String uuid) throws SQLException {
        return Jdbc.one(c, "SELECT " + SOURCE + " FROM booking b WHERE b.uuid=?", BookingLinkStore::source, uuid);
    }

    /** Unit items by unit type (ADULT, CHILD, ...): the booking's {@code unit_items} column, the units' types. */
    public Map<String, Integer> unitsByType(Connection c, String uuid) throws SQLException {
        Map<String, Integer> out = new java.util.TreeMap<>();
        // COALESCE: a booking written without items (the demo's flow history) has a NULL column, and Jdbc.one
        // cannot hold a null value
        String json = Jdbc.one(
                        c, "SELECT COALESCE(unit_items, '[]') FROM booking WHERE uuid=?", rs -> rs.getString(1), uuid)
                .orElse(null);
        Map<String, String> types = new java.util.HashMap<>();
        for (var item : BookingStore.items(json)) {
            String type = types.get(item.unitId());
            if (type == null) {
                type = Jdbc.one(c, "SELECT unit_type FROM unit WHERE id=?", rs -> rs.getString(1), item.unitId())
                        .orElse("OTHER");
                types.put(item.unitId(), type);
            }
            out.merge(type, 1, Integer::sum);
        }
        return out;
    }

    /** The units by type the hub keeps of a linked booking. */
    public Map<String, Integer> unitsOfLink(Connection c, String uuid) throws SQLException {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Object[] r : Jdbc.list(
                c,
                "SELECT unit_type, units FROM visitor_booking_unit WHERE booking_uuid=?",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)},
                uuid)) {
            out.put((String) r[0], (Integer) r[1]);
        }
        return out;
    }

    /** The lookup hash of the booking's first named unit's document (the lead visitor), if any. */
    public Optional<String> firstDocument(Connection c, String uuid) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT lookup FROM visitor_identity WHERE booking_uuid=? ORDER BY position LIMIT 1",
                rs -> rs.getString(1),
                uuid);
    }

    /** The shop account's address hash and kind (EMAIL, MOBILE) of a shop order, if the booking is one. */
    public Optional<String[]> shopAddress(Connection c, String uuid) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT v.address_hash, v.address_kind FROM shop_order o JOIN shop_visitor v ON v.id=o.visitor_id"
                        + " WHERE o.booking_id=?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                uuid);
    }

    /** The booking's link: empty when the hub has not seen it; a link with a null visitor when nobody is known. */
    public Optional<Link> link(Connection c, String uuid) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT booking_uuid, visitor_id, channel_id, product_id, visit_day, units, confirmed_at"
                        + " FROM visitor_booking WHERE booking_uuid=?",
                rs -> new Link(
                        rs.getString(1),
                        Jdbc.longOrNull(rs, "visitor_id"),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getInt(6),
                        rs.getLong(7)),
                uuid);
    }

    public void insert(Connection c, Source s, Long visitorId, Map<String, Integer> units) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO visitor_booking(booking_uuid, visitor_id, channel_id, product_id, visit_day, units,"
                        + " confirmed_at) VALUES (?,?,?,?,?,?,?)",
                s.uuid(),
                visitorId,
                s.channelId(),
                s.productId(),
                Date.valueOf(s.day()),
                units.values().stream().mapToInt(Integer::intValue).sum(),
                s.confirmedAt());
        for (Map.Entry<String, Integer> u : units.entrySet()) {
            Jdbc.update(
                    c,
                    "INSERT INTO visitor_booking_unit(booking_uuid, unit_type, units) VALUES (?,?,?)",
                    s.uuid(),
                    u.getKey(),
                    u.getValue());
        }
    }

    public List<Link> ofVisitor(Connection c, long visitorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT booking_uuid, visitor_id, channel_id, product_id, visit_day, units, confirmed_at"
                        + " FROM visitor_booking WHERE visitor_id=? ORDER BY visit_day, booking_uuid",
                rs -> new Link(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getInt(6),
                        rs.getLong(7)),
                visitorId);
    }

    private static final String SOURCE = "b.uuid, b.channel_id, b.product_id, b.local_date, b.quantity, b.contact_json,"
            + " b.confirmed_at, b.status";

    private static Source source(java.sql.ResultSet rs) throws SQLException {
        return new Source(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDate(4).toLocalDate(),
                rs.getInt(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getString(8));
    }
}
