package io.scenicpass.server.offers.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.Discounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code offer_redemption} table (V82): which offer each booking got. A redemption counts (limits, coupon use)
 * while its booking lives, or, before the booking row exists, for a short while after the claim (a reservation in
 * flight; a claim whose reservation died without a word stops counting then).
 */
public final class RedemptionStore {
    /** Condition on {@code r} (redemption) LEFT JOIN {@code b} (booking): counts; binds the in-flight cut-off. */
    static final String LIVE =
            "(b.status IN ('ON_HOLD', 'CONFIRMED', 'REDEEMED') OR (b.uuid IS NULL AND r.created_at > ?))";

    /** One redemption: what a booking got of an offer. */
    public record Row(
            String offerId,
            String bookingUuid,
            String channelId,
            Long visitorId,
            String couponCode,
            long amount,
            List<Long> itemAmounts,
            List<Long> itemNetAmounts,
            String currency,
            long createdAt) {}

    public void insert(Connection c, Row r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO offer_redemption (offer_id, booking_uuid, channel_id, visitor_id, coupon_code, amount,"
                        + " item_amounts, currency, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                r.offerId(),
                r.bookingUuid(),
                r.channelId(),
                r.visitorId(),
                r.couponCode(),
                r.amount(),
                amounts(r.itemAmounts(), r.itemNetAmounts()),
                r.currency(),
                r.createdAt());
    }

    /**
     * How many live redemptions the offer has, of one visitor when {@code visitorId} is not null: those claimed in
     * their name, and those whose booking the hub linked to them later (bought before the hub knew them, or merged).
     */
    public long live(Connection c, String offerId, Long visitorId, long liveSince) throws SQLException {
        String sql = "SELECT COUNT(*) FROM offer_redemption r LEFT JOIN booking b ON b.uuid = r.booking_uuid"
                + " WHERE r.offer_id=? AND " + LIVE
                + (visitorId == null
                        ? ""
                        : " AND (r.visitor_id=? OR r.booking_uuid IN"
                                + " (SELECT vb.booking_uuid FROM visitor_booking vb WHERE vb.visitor_id=?))");
        Object[] args = visitorId == null
                ? new Object[] {offerId, liveSince}
                : new Object[] {offerId, liveSince, visitorId, visitorId};
        return Jdbc.one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** The live redemption that used this coupon, if any (its booking uuid). */
    public java.util.Optional<String> couponUse(Connection c, String code, long liveSince) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT r.booking_uuid FROM offer_redemption r LEFT JOIN booking b ON b.uuid = r.booking_uuid"
                        + " WHERE r.coupon_code=? AND " + LIVE,
                rs -> rs.getString(1),
                code,
                liveSince);
    }

    /** What the booking got, oldest first. */
    public List<Row> ofBooking(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT offer_id, booking_uuid, channel_id, visitor_id, coupon_code, amount, item_amounts, currency,"
                        + " created_at FROM offer_redemption WHERE booking_uuid=? ORDER BY id",
                RedemptionStore::row,
                bookingUuid);
    }

    /** Notes that the booking fitted an automatic offer it did not get, and why (once per booking and offer). */
    public void decline(Connection c, String bookingUuid, String offerId, String reason, long now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO offer_declined (booking_uuid, offer_id, reason, created_at) SELECT ?,?,?,? FROM offer"
                        + " WHERE id=? AND NOT EXISTS (SELECT 1 FROM offer_declined WHERE booking_uuid=? AND"
                        + " offer_id=?)",
                bookingUuid,
                offerId,
                reason,
                now,
                offerId,
                bookingUuid,
                offerId);
    }

    /** The offers the booking did not get: {offer id, reason}, oldest first. */
    public List<String[]> declined(Connection c, String bookingUuid) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT offer_id, reason FROM offer_declined WHERE booking_uuid=? ORDER BY created_at, offer_id",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                bookingUuid);
    }

    /** Deletes the booking's claims (and declined notes) when no booking row has that uuid (its reservation failed). */
    public int releaseOrphans(Connection c, String bookingUuid) throws SQLException {
        Jdbc.update(
                c,
                "DELETE FROM offer_declined WHERE booking_uuid=? AND NOT EXISTS (SELECT 1 FROM booking b WHERE"
                        + " b.uuid=?)",
                bookingUuid,
                bookingUuid);
        return Jdbc.update(
                c,
                "DELETE FROM offer_redemption WHERE booking_uuid=? AND NOT EXISTS"
                        + " (SELECT 1 FROM booking b WHERE b.uuid=?)",
                bookingUuid,
                bookingUuid);
    }

    /** The booking's offers as {@link Discounts.Applied} (titles from {@code titles}: offer id → title, combination). */
    public static Discounts.Applied applied(Row r, String code, String title, boolean combination) {
        return new Discounts.Applied(
                r.offerId(), code, title, combination, r.amount(), r.itemAmounts(), r.itemNetAmounts());
    }

    /** Per item "retail:net", comma separated. */
    private static String amounts(List<Long> retail, List<Long> net) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < retail.size(); i++) {
            s.append(i == 0 ? "" : ",").append(retail.get(i)).append(':').append(net.get(i));
        }
        return s.toString();
    }

    private static Row row(ResultSet rs) throws SQLException {
        List<Long> retail = new ArrayList<>();
        List<Long> net = new ArrayList<>();
        String s = rs.getString("item_amounts");
        for (String part : s.isEmpty() ? new String[0] : s.split(",")) {
            String[] rn = part.split(":");
            retail.add(Long.parseLong(rn[0]));
            net.add(Long.parseLong(rn[1]));
        }
        return new Row(
                rs.getString("offer_id"),
                rs.getString("booking_uuid"),
                rs.getString("channel_id"),
                Jdbc.longOrNull(rs, "visitor_id"),
                rs.getString("coupon_code"),
                rs.getLong("amount"),
                retail,
                net,
                rs.getString("currency"),
                rs.getLong("created_at"));
    }
}
