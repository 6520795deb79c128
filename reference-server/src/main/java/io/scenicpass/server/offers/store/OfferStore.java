package io.scenicpass.server.offers.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.offers.Offer;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code offer} table (V82). */
public final class OfferStore {
    private static final String COLS = "id, code, title, kind, amount, product_id, unit_type, segment, combination,"
            + " valid_from, valid_to, per_visitor_limit, total_limit, coupon_trigger, coupon_days, status, created_at,"
            + " updated_at";

    /** An offer with how often it was redeemed (live bookings) and, for a campaign, how many coupons it issued. */
    public record Counted(Offer offer, long redeemed, long issued) {}

    public void insert(Connection c, Offer o) throws SQLException {
        Jdbc.update(c, "INSERT INTO offer (" + COLS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", args(o));
    }

    /** Replaces every field but the id and creation time. */
    public boolean update(Connection c, Offer o) throws SQLException {
        Object[] a = args(o);
        Object[] set = Arrays.copyOfRange(a, 1, a.length - 2);
        Object[] all = Arrays.copyOf(set, set.length + 2);
        all[set.length] = o.updatedAt();
        all[set.length + 1] = o.id();
        return Jdbc.update(
                        c,
                        "UPDATE offer SET code=?, title=?, kind=?, amount=?, product_id=?, unit_type=?, segment=?,"
                                + " combination=?, valid_from=?, valid_to=?, per_visitor_limit=?, total_limit=?,"
                                + " coupon_trigger=?, coupon_days=?, status=?, updated_at=? WHERE id=?",
                        all)
                == 1;
    }

    public Optional<Offer> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM offer WHERE id=?", OfferStore::offer, id);
    }

    /** The offer, its row locked until the transaction ends (claims of one offer queue here). */
    public Optional<Offer> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM offer WHERE id=? FOR UPDATE", OfferStore::offer, id);
    }

    public Optional<Offer> byCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM offer WHERE code=?", OfferStore::offer, code);
    }

    /** The active automatic offers (no code, not a campaign). */
    public List<Offer> automatic(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM offer WHERE code IS NULL AND coupon_trigger IS NULL AND status='ACTIVE'"
                        + " ORDER BY id",
                OfferStore::offer);
    }

    /** The active coupon campaigns with this trigger. */
    public List<Offer> campaigns(Connection c, Offer.Trigger t) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM offer WHERE coupon_trigger=? AND status='ACTIVE' ORDER BY id",
                OfferStore::offer,
                t.name());
    }

    /** Every offer, newest first, with its counts. */
    public List<Counted> list(Connection c, long liveSince) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + ", (SELECT COUNT(*) FROM offer_redemption r LEFT JOIN booking b ON b.uuid ="
                        + " r.booking_uuid WHERE r.offer_id = o.id AND " + RedemptionStore.LIVE + ") AS redeemed,"
                        + " (SELECT COUNT(*) FROM coupon k WHERE k.offer_id = o.id) AS issued"
                        + " FROM offer o ORDER BY created_at DESC, id",
                rs -> new Counted(offer(rs), rs.getLong("redeemed"), rs.getLong("issued")),
                liveSince);
    }

    private static Object[] args(Offer o) {
        return new Object[] {
            o.id(),
            o.code(),
            o.title(),
            o.kind().name(),
            o.amount(),
            o.productId(),
            o.unitType(),
            o.segment(),
            o.combination().isEmpty() ? null : String.join(",", o.combination()),
            o.validFrom() == null ? null : Date.valueOf(o.validFrom()),
            o.validTo() == null ? null : Date.valueOf(o.validTo()),
            o.perVisitorLimit(),
            o.totalLimit(),
            o.couponTrigger() == null ? null : o.couponTrigger().name(),
            o.couponDays(),
            o.status().name(),
            o.createdAt(),
            o.updatedAt()
        };
    }

    private static Offer offer(ResultSet rs) throws SQLException {
        String combination = rs.getString("combination");
        Date from = rs.getDate("valid_from");
        Date to = rs.getDate("valid_to");
        String trigger = rs.getString("coupon_trigger");
        return new Offer(
                rs.getString("id"),
                rs.getString("code"),
                rs.getString("title"),
                Offer.Kind.valueOf(rs.getString("kind")),
                rs.getLong("amount"),
                rs.getString("product_id"),
                rs.getString("unit_type"),
                rs.getString("segment"),
                combination == null ? List.of() : List.of(combination.split(",")),
                from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(),
                Jdbc.intOrNull(rs, "per_visitor_limit"),
                Jdbc.intOrNull(rs, "total_limit"),
                trigger == null ? null : Offer.Trigger.valueOf(trigger),
                Jdbc.intOrNull(rs, "coupon_days"),
                Offer.Status.valueOf(rs.getString("status")),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }
}
