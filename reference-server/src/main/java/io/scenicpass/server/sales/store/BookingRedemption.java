package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Dialect;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * The redemption of a set of CONFIRMED bookings ({@link BookingStore#redeem}): a JDBC batch (H2) or one statement
 * over an array (PostgreSQL), the dialect picking one when the store is built.
 */
final class BookingRedemption {

    /** The redemption of a set of bookings: a JDBC batch (H2) or one statement over an array (PostgreSQL). */
    private interface Redeem {
        java.util.Set<String> redeem(Connection c, Collection<String> uuids, Instant now) throws SQLException;
    }

    private final Redeem redeem;

    BookingRedemption(Dialect dialect) {
        this.redeem = dialect.<Redeem>pick(() -> BookingRedemption::redeemBatch, () -> BookingRedemption::redeemLocked);
    }

    java.util.Set<String> redeem(Connection c, Collection<String> uuids, Instant now) throws SQLException {
        return redeem.redeem(c, uuids, now);
    }

    private static java.util.Set<String> redeemBatch(Connection c, Collection<String> uuids, Instant now)
            throws SQLException {
        List<String> ids = new ArrayList<>(uuids);
        try (PreparedStatement ps = c.prepareStatement("UPDATE booking SET status='REDEEMED', updated_at=?,"
                + " redeemed_at=? WHERE uuid=? AND status='CONFIRMED'")) {
            for (String id : ids) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, id);
                ps.addBatch();
            }
            return Jdbc.changed(ps.executeBatch(), ids);
        }
    }

    /**
     * Each booking is looked up through its primary key and locked ({@code FOR NO KEY UPDATE}, the lock an update
     * takes) in the order given, then the locked ones are updated. The status test is kept out of the index choice
     * ({@code IS TRUE}): stale statistics that think CONFIRMED rare sent the lookup through the status index.
     */
    private static java.util.Set<String> redeemLocked(Connection c, Collection<String> uuids, Instant now)
            throws SQLException {
        java.util.Set<String> moved = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("WITH locked AS MATERIALIZED (SELECT x.uuid FROM"
                + " unnest(?::varchar[]) AS k(id) CROSS JOIN LATERAL (SELECT uuid FROM booking WHERE uuid = k.id AND"
                + " (status = 'CONFIRMED') IS TRUE OFFSET 0 FOR NO KEY UPDATE) x) UPDATE booking SET status='REDEEMED',"
                + " updated_at=?, redeemed_at=? WHERE uuid = ANY(ARRAY(SELECT uuid FROM locked)) RETURNING uuid")) {
            Jdbc.planEveryTime(ps);
            ps.setArray(1, PostgresDialect.varchars(c, uuids));
            ps.setLong(2, now.toEpochMilli());
            ps.setLong(3, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.add(rs.getString(1));
                }
            }
        }
        return moved;
    }
}
