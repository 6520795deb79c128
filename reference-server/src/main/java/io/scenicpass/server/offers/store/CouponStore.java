package io.scenicpass.server.offers.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code coupon} table (V82): single-use codes issued to visitors after a visit. */
public final class CouponStore {
    /** A coupon: its code, campaign (offer), visitor (hub id and shop account, if any), visit day and times. */
    public record Coupon(
            String code,
            String offerId,
            long visitorId,
            Long shopVisitorId,
            LocalDate visitDay,
            long sendAt,
            Long sentAt,
            long expiresAt,
            long createdAt) {}

    private static final String COLS =
            "code, offer_id, visitor_id, shop_visitor_id, visit_day, send_at, sent_at, expires_at, created_at";

    /** Inserts the coupon unless the visitor has one of this campaign for this visit day; true when inserted. */
    public boolean insert(Connection c, Coupon k) throws SQLException {
        return Jdbc.update(
                        c,
                        "INSERT INTO coupon (" + COLS + ") VALUES (?,?,?,?,?,?,?,?,?)" + " ON CONFLICT DO NOTHING",
                        k.code(),
                        k.offerId(),
                        k.visitorId(),
                        k.shopVisitorId(),
                        Date.valueOf(k.visitDay()),
                        k.sendAt(),
                        k.sentAt(),
                        k.expiresAt(),
                        k.createdAt())
                == 1;
    }

    public Optional<Coupon> find(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM coupon WHERE code=?", CouponStore::coupon, code);
    }

    /** The coupon, its row locked until the transaction ends (two uses of one code queue here). */
    public Optional<Coupon> lock(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM coupon WHERE code=? FOR UPDATE", CouponStore::coupon, code);
    }

    /** Coupons whose message is due and not sent, oldest first, locked for this sender (others skip them). */
    public List<Coupon> due(Connection c, long now, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLS + " FROM coupon WHERE sent_at IS NULL AND send_at <= ? ORDER BY send_at LIMIT " + limit
                        + " FOR UPDATE SKIP LOCKED",
                CouponStore::coupon,
                now);
    }

    public void sent(Connection c, String code, long now) throws SQLException {
        Jdbc.update(c, "UPDATE coupon SET sent_at=? WHERE code=? AND sent_at IS NULL", now, code);
    }

    private static Coupon coupon(ResultSet rs) throws SQLException {
        return new Coupon(
                rs.getString("code"),
                rs.getString("offer_id"),
                rs.getLong("visitor_id"),
                Jdbc.longOrNull(rs, "shop_visitor_id"),
                rs.getDate("visit_day").toLocalDate(),
                rs.getLong("send_at"),
                Jdbc.longOrNull(rs, "sent_at"),
                rs.getLong("expires_at"),
                rs.getLong("created_at"));
    }
}
