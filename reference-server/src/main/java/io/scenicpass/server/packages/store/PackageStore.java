package io.scenicpass.server.packages.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The packages' tables (V83): partners, their resources and allotments, package parts, the parts bookings took. */
public final class PackageStore {
    public record Partner(String id, String name, boolean hasToken) {}

    public record Resource(
            String id, String partnerId, String kind, String name, long net, String currency, int cutoffHours) {}

    public record Allotment(String resourceId, LocalDate day, int total, int held, int sold) {
        public int free() {
            return total - held - sold;
        }
    }

    /** A part of a package product: {@code per} PERSON (one place per visitor) or BOOKING (one place per booking). */
    public record Part(String productId, int position, String resourceId, int dayOffset, String per) {}

    /** A part a booking took; {@code state} HELD, SOLD, RELEASED or CANCELLED (see V83). */
    public record BookingPart(
            String bookingUuid,
            int position,
            String resourceId,
            String partnerId,
            LocalDate day,
            int places,
            long net,
            String currency,
            Instant cutoffAt,
            String state,
            String voucherCode,
            Instant soldAt,
            Instant cancelledAt,
            Instant usedAt) {}

    // --- partners and resources

    /** Creates or renames a partner (its token stays). */
    public void putPartner(Connection c, String id, String name, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE partner SET name=? WHERE id=?", name, id) == 0) {
            Jdbc.update(c, "INSERT INTO partner(id, name, created_at) VALUES (?,?,?)", id, name, now.toEpochMilli());
        }
    }

    public boolean setToken(Connection c, String partnerId, String tokenHash) throws SQLException {
        return Jdbc.update(c, "UPDATE partner SET token_hash=? WHERE id=?", tokenHash, partnerId) == 1;
    }

    public List<Partner> partners(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT id, name, token_hash FROM partner ORDER BY id", PackageStore::partner);
    }

    public Optional<Partner> partner(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT id, name, token_hash FROM partner WHERE id=?", PackageStore::partner, id);
    }

    public Optional<Partner> partnerByToken(Connection c, String tokenHash) throws SQLException {
        return Jdbc.one(
                c, "SELECT id, name, token_hash FROM partner WHERE token_hash=?", PackageStore::partner, tokenHash);
    }

    public void putResource(Connection c, Resource r) throws SQLException {
        int n = Jdbc.update(
                c,
                "UPDATE partner_resource SET partner_id=?, kind=?, name=?, net=?, currency=?, cutoff_hours=? WHERE id=?",
                r.partnerId(),
                r.kind(),
                r.name(),
                r.net(),
                r.currency(),
                r.cutoffHours(),
                r.id());
        if (n == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO partner_resource(id, partner_id, kind, name, net, currency, cutoff_hours)"
                            + " VALUES (?,?,?,?,?,?,?)",
                    r.id(),
                    r.partnerId(),
                    r.kind(),
                    r.name(),
                    r.net(),
                    r.currency(),
                    r.cutoffHours());
        }
    }

    public Optional<Resource> resource(Connection c, String id) throws SQLException {
        return Jdbc.one(c, RESOURCE + " WHERE id=?", PackageStore::resource, id);
    }

    public List<Resource> resources(Connection c, String partnerId) throws SQLException {
        return partnerId == null
                ? Jdbc.list(c, RESOURCE + " ORDER BY partner_id, id", PackageStore::resource)
                : Jdbc.list(c, RESOURCE + " WHERE partner_id=? ORDER BY id", PackageStore::resource, partnerId);
    }

    // --- allotments

    /**
     * Sets the total of a resource's allotment on a day; false (nothing changed) when it would fall below what is
     * held and sold already.
     */
    public boolean setTotal(Connection c, String resourceId, LocalDate day, int total, Instant now)
            throws SQLException {
        int n = Jdbc.update(
                c,
                "UPDATE partner_allotment SET total=?, updated_at=? WHERE resource_id=? AND on_day=? AND held + sold <= ?",
                total,
                now.toEpochMilli(),
                resourceId,
                day,
                total);
        if (n == 1) {
            return true;
        }
        if (allotment(c, resourceId, day).isPresent()) {
            return false;
        }
        Jdbc.update(
                c,
                "INSERT INTO partner_allotment(resource_id, on_day, total, held, sold, updated_at) VALUES (?,?,?,0,0,?)",
                resourceId,
                day,
                total,
                now.toEpochMilli());
        return true;
    }

    public Optional<Allotment> allotment(Connection c, String resourceId, LocalDate day) throws SQLException {
        return Jdbc.one(c, ALLOTMENT + " WHERE resource_id=? AND on_day=?", PackageStore::allotment, resourceId, day);
    }

    public List<Allotment> allotments(Connection c, String resourceId, LocalDate from, LocalDate to)
            throws SQLException {
        return Jdbc.list(
                c,
                ALLOTMENT + " WHERE resource_id=? AND on_day BETWEEN ? AND ? ORDER BY on_day",
                PackageStore::allotment,
                resourceId,
                from,
                to);
    }

    /** Holds {@code n} places if that many are free (one conditional update: never oversold); false otherwise. */
    public boolean hold(Connection c, String resourceId, LocalDate day, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE partner_allotment SET held = held + ? WHERE resource_id=? AND on_day=?"
                                + " AND total - held - sold >= ?",
                        n,
                        resourceId,
                        day,
                        n)
                == 1;
    }

    /** Moves {@code n} held places to sold. */
    public boolean heldToSold(Connection c, String resourceId, LocalDate day, int n) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE partner_allotment SET held = held - ?, sold = sold + ? WHERE resource_id=? AND on_day=?"
                                + " AND held >= ?",
                        n,
                        n,
                        resourceId,
                        day,
                        n)
                == 1;
    }

    /** Gives {@code n} held or sold places back. */
    public boolean release(Connection c, String resourceId, LocalDate day, int n, boolean sold) throws SQLException {
        String col = sold ? "sold" : "held";
        return Jdbc.update(
                        c,
                        "UPDATE partner_allotment SET " + col + " = " + col + " - ? WHERE resource_id=? AND on_day=?"
                                + " AND " + col + " >= ?",
                        n,
                        resourceId,
                        day,
                        n)
                == 1;
    }

    // --- package definitions

    /** Replaces the parts of a package product (an empty list: the product is no longer a package). */
    public void putParts(Connection c, String productId, List<Part> parts) throws SQLException {
        Jdbc.update(c, "DELETE FROM package_part WHERE product_id=?", productId);
        for (Part p : parts) {
            Jdbc.update(
                    c,
                    "INSERT INTO package_part(product_id, position, resource_id, day_offset, per) VALUES (?,?,?,?,?)",
                    productId,
                    p.position(),
                    p.resourceId(),
                    p.dayOffset(),
                    p.per());
        }
    }

    public List<Part> parts(Connection c, String productId) throws SQLException {
        return Jdbc.list(c, PART + " WHERE product_id=? ORDER BY position", PackageStore::part, productId);
    }

    public List<Part> allParts(Connection c) throws SQLException {
        return Jdbc.list(c, PART + " ORDER BY product_id, position", PackageStore::part);
    }

    // --- the parts bookings took

    public void insertBookingPart(Connection c, BookingPart p) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO package_booking_part(booking_uuid, position, resource_id, partner_id, on_day, places, net,"
                        + " currency, cutoff_at, state) VALUES (?,?,?,?,?,?,?,?,?,?)",
                p.bookingUuid(),
                p.position(),
                p.resourceId(),
                p.partnerId(),
                p.day(),
                p.places(),
                p.net(),
                p.currency(),
                p.cutoffAt().toEpochMilli(),
                p.state());
    }

    public List<BookingPart> bookingParts(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c, BOOKING_PART + " WHERE booking_uuid=? ORDER BY position", PackageStore::bookingPart, bookingUuid);
    }

    public Optional<BookingPart> byVoucher(Connection c, String code) throws SQLException {
        return Jdbc.one(c, BOOKING_PART + " WHERE voucher_code=?", PackageStore::bookingPart, code);
    }

    /** HELD → SOLD with its voucher code; false when the part was not HELD. */
    public boolean sell(Connection c, String bookingUuid, int position, String voucher, Instant now)
            throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE package_booking_part SET state='SOLD', voucher_code=?, sold_at=?"
                                + " WHERE booking_uuid=? AND position=? AND state='HELD'",
                        voucher,
                        now.toEpochMilli(),
                        bookingUuid,
                        position)
                == 1;
    }

    /** HELD → RELEASED or SOLD → CANCELLED (compare-and-set on {@code from}). */
    public boolean end(Connection c, String bookingUuid, int position, String from, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE package_booking_part SET state=?, cancelled_at=? WHERE booking_uuid=? AND position=?"
                                + " AND state=?",
                        from.equals("SOLD") ? "CANCELLED" : "RELEASED",
                        now.toEpochMilli(),
                        bookingUuid,
                        position,
                        from)
                == 1;
    }

    /** Marks a sold part's voucher used, once; false when it is not SOLD or was used already. */
    public boolean use(Connection c, String code, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE package_booking_part SET used_at=? WHERE voucher_code=? AND state='SOLD'"
                                + " AND used_at IS NULL",
                        now.toEpochMilli(),
                        code)
                == 1;
    }

    /** The parts sold or cancelled (after their sale) in [from, to), for the settlement. */
    public List<BookingPart> settled(Connection c, Instant from, Instant to) throws SQLException {
        return Jdbc.list(
                c,
                BOOKING_PART + " WHERE (sold_at >= ? AND sold_at < ?) OR (state='CANCELLED' AND cancelled_at >= ?"
                        + " AND cancelled_at < ?) ORDER BY partner_id, booking_uuid, position",
                PackageStore::bookingPart,
                from.toEpochMilli(),
                to.toEpochMilli(),
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    private static final String RESOURCE =
            "SELECT id, partner_id, kind, name, net, currency, cutoff_hours FROM partner_resource";
    private static final String ALLOTMENT = "SELECT resource_id, on_day, total, held, sold FROM partner_allotment";
    private static final String PART = "SELECT product_id, position, resource_id, day_offset, per FROM package_part";
    private static final String BOOKING_PART =
            "SELECT booking_uuid, position, resource_id, partner_id, on_day, places, net, currency, cutoff_at, state,"
                    + " voucher_code, sold_at, cancelled_at, used_at FROM package_booking_part";

    private static Partner partner(ResultSet rs) throws SQLException {
        return new Partner(rs.getString("id"), rs.getString("name"), rs.getString("token_hash") != null);
    }

    private static Resource resource(ResultSet rs) throws SQLException {
        return new Resource(
                rs.getString("id"),
                rs.getString("partner_id"),
                rs.getString("kind"),
                rs.getString("name"),
                rs.getLong("net"),
                rs.getString("currency"),
                rs.getInt("cutoff_hours"));
    }

    private static Allotment allotment(ResultSet rs) throws SQLException {
        return new Allotment(
                rs.getString("resource_id"),
                rs.getObject("on_day", LocalDate.class),
                rs.getInt("total"),
                rs.getInt("held"),
                rs.getInt("sold"));
    }

    private static Part part(ResultSet rs) throws SQLException {
        return new Part(
                rs.getString("product_id"),
                rs.getInt("position"),
                rs.getString("resource_id"),
                rs.getInt("day_offset"),
                rs.getString("per"));
    }

    private static BookingPart bookingPart(ResultSet rs) throws SQLException {
        return new BookingPart(
                rs.getString("booking_uuid"),
                rs.getInt("position"),
                rs.getString("resource_id"),
                rs.getString("partner_id"),
                rs.getObject("on_day", LocalDate.class),
                rs.getInt("places"),
                rs.getLong("net"),
                rs.getString("currency"),
                Instant.ofEpochMilli(rs.getLong("cutoff_at")),
                rs.getString("state"),
                rs.getString("voucher_code"),
                instant(Jdbc.longOrNull(rs, "sold_at")),
                instant(Jdbc.longOrNull(rs, "cancelled_at")),
                instant(Jdbc.longOrNull(rs, "used_at")));
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
