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
}
