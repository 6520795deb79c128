package io.scenicpass.server.reports.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports' reads. A period's money movements: each booking confirmed in it (as sold: its totals now plus what
 * partial refunds took out, {@code refund_line}), each sold booking cancelled in it (its totals at the cancellation),
 * and each partial refund in it. Redemptions: passes whose first entry was in the period. These scan the booking
 * and pass_use tables by time on purpose: an index on them would cost every sale a write for an occasional report.
 */
public final class ReportStore {
    /** A sale (refund false) or a refund of places at the booking's channel prices, at {@code at}. */
    public record Movement(
            boolean refund,
            String bookingUuid,
            String channelId,
            String productId,
            String currency,
            Instant at,
            long places,
            long retailFen,
            long netFen) {}

    /** A pass first admitted at {@code at}, of {@code persons} people. */
    public record Redemption(String channelId, String productId, Instant at, long persons) {}

    /** A channel's name and kind (OTA, PARTNER, COUNTER, …). */
    public record ChannelName(String name, String kind) {}

    public List<Movement> movements(Connection c, Instant from, Instant to) throws SQLException {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        List<Movement> out = new java.util.ArrayList<>(Jdbc.list(
                c,
                "SELECT b.uuid, b.channel_id, b.product_id, b.currency, b.confirmed_at,"
                        + " b.quantity + COALESCE(r.places, 0), b.total_retail + COALESCE(r.retail, 0),"
                        + " b.total_net + COALESCE(r.net, 0) FROM booking b LEFT JOIN (SELECT booking_uuid,"
                        + " SUM(places) AS places, SUM(retail) AS retail, SUM(net) AS net FROM refund_line"
                        + " GROUP BY booking_uuid) r ON r.booking_uuid = b.uuid"
                        + " WHERE b.confirmed_at >= ? AND b.confirmed_at < ?",
                rs -> movement(rs, false),
                f,
                t));
        out.addAll(Jdbc.list(
                c,
                "SELECT uuid, channel_id, product_id, currency, cancelled_at, quantity, total_retail, total_net"
                        + " FROM booking WHERE status = 'CANCELLED' AND confirmed_at IS NOT NULL"
                        + " AND cancelled_at >= ? AND cancelled_at < ?",
                rs -> movement(rs, true),
                f,
                t));
        out.addAll(Jdbc.list(
                c,
                "SELECT booking_uuid, channel_id, product_id, currency, created_at, places, retail, net"
                        + " FROM refund_line WHERE created_at >= ? AND created_at < ?",
                rs -> movement(rs, true),
                f,
                t));
        return out;
    }

    public List<Redemption> redemptions(Connection c, Instant from, Instant to) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT b.channel_id, b.product_id, u.first_entry_at, p.party_size FROM pass_use u"
                        + " JOIN pass p ON p.pass_id = u.pass_id JOIN booking b ON b.uuid = p.booking_uuid"
                        + " WHERE u.first_entry_at >= ? AND u.first_entry_at < ?",
                rs -> new Redemption(
                        rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4)),
                from.toEpochMilli(),
                to.toEpochMilli());
    }

    /** Every channel by id. */
    public Map<String, ChannelName> channels(Connection c) throws SQLException {
        Map<String, ChannelName> out = new LinkedHashMap<>();
        for (String[] r : Jdbc.list(c, "SELECT id, name, kind FROM channel ORDER BY id", rs ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            out.put(r[0], new ChannelName(r[1], r[2]));
        }
        return out;
    }

    /** Every product's internal name by id. */
    public Map<String, String> products(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] r : Jdbc.list(c, "SELECT id, internal_name FROM product ORDER BY id", rs ->
                new String[] {rs.getString(1), rs.getString(2)})) {
            out.put(r[0], r[1]);
        }
        return out;
    }

    private static Movement movement(java.sql.ResultSet rs, boolean refund) throws SQLException {
        return new Movement(
                refund,
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8));
    }
}
