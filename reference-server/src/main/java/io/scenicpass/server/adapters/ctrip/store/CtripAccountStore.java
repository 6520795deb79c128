package io.scenicpass.server.adapters.ctrip.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Ctrip account ids by channel, and the date-level inventory last pushed per PLU and date. */
public final class CtripAccountStore {

    public Optional<String> channelOf(Connection c, String accountId) throws SQLException {
        return Jdbc.one(c, "SELECT channel_id FROM ctrip_account WHERE account_id=?", rs -> rs.getString(1), accountId);
    }

    public Optional<String> accountOf(Connection c, String channelId) throws SQLException {
        return Jdbc.one(c, "SELECT account_id FROM ctrip_account WHERE channel_id=?", rs -> rs.getString(1), channelId);
    }

    /** Binds {@code accountId} to {@code channelId} (replacing the channel's earlier account id). */
    public void put(Connection c, String accountId, String channelId) throws SQLException {
        Jdbc.update(c, "DELETE FROM ctrip_account WHERE channel_id=? OR account_id=?", channelId, accountId);
        Jdbc.update(c, "INSERT INTO ctrip_account(account_id, channel_id) VALUES (?,?)", accountId, channelId);
    }

    public java.util.List<String> channels(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT channel_id FROM ctrip_account ORDER BY channel_id", rs -> rs.getString(1));
    }

    /** The quantities last pushed for a PLU from {@code from} on, by date. */
    public Map<LocalDate, Integer> pushed(Connection c, String channelId, String plu, LocalDate from)
            throws SQLException {
        Map<LocalDate, Integer> out = new HashMap<>();
        for (Object[] row : Jdbc.list(
                c,
                "SELECT local_date, quantity FROM ctrip_inventory_pushed WHERE channel_id=? AND plu=? AND local_date>=?",
                rs -> new Object[] {rs.getObject(1, LocalDate.class), rs.getInt(2)},
                channelId,
                plu,
                from)) {
            out.put((LocalDate) row[0], (Integer) row[1]);
        }
        return out;
    }

    public void setPushed(Connection c, String channelId, String plu, LocalDate date, int quantity)
            throws SQLException {
        Jdbc.update(
                c,
                "DELETE FROM ctrip_inventory_pushed WHERE channel_id=? AND plu=? AND local_date=?",
                channelId,
                plu,
                date);
        Jdbc.update(
                c,
                "INSERT INTO ctrip_inventory_pushed(channel_id, plu, local_date, quantity) VALUES (?,?,?,?)",
                channelId,
                plu,
                date,
                quantity);
    }

    /**
     * A Ctrip channel's redeemed bookings visited from {@code from} on whose tickets were not all reported consumed
     * yet (with the count reported so far, 0 when none), at most {@code limit}.
     */
    public Map<String, Integer> toReport(Connection c, String channelId, LocalDate from, int limit)
            throws SQLException {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (Object[] row : Jdbc.list(
                c,
                "SELECT b.uuid, COALESCE(n.used, 0) FROM booking b LEFT JOIN ctrip_consumed n ON n.booking_uuid=b.uuid"
                        + " WHERE b.channel_id=? AND b.status='REDEEMED' AND b.local_date>=?"
                        + " AND COALESCE(n.used, 0) < b.quantity ORDER BY b.uuid LIMIT " + limit,
                rs -> new Object[] {rs.getString(1), rs.getInt(2)},
                channelId,
                from)) {
            out.put((String) row[0], (Integer) row[1]);
        }
        return out;
    }

    public void setReported(Connection c, String bookingUuid, int used) throws SQLException {
        Jdbc.update(c, "DELETE FROM ctrip_consumed WHERE booking_uuid=?", bookingUuid);
        Jdbc.update(c, "INSERT INTO ctrip_consumed(booking_uuid, used) VALUES (?,?)", bookingUuid, used);
    }
}
