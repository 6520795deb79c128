package io.scenicpass.server.terminal.store;

import io.scenicpass.server.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The terminal feeds read from the logs other parts of the server write: the revocation log (booking
 * cancel/refund), the blacklist log (admin), and the slot counters (remaining capacity pushes). Large pages
 * are streamed row by row to a sink, never collected.
 */
public final class RevocationFeedStore {

    /** Receives one log row; may write it straight to the response. */
    @FunctionalInterface
    public interface RowSink {
        void row(long seq, String value) throws IOException;
    }

    /** One blacklist log row. */
    public record BlacklistRow(long seq, String binding, boolean add) {}

    /** The counters of a slot that is running now. */
    public record SlotNow(
            String slotId,
            String productId,
            Instant startAt,
            Instant endAt,
            int capacity,
            int held,
            int sold,
            boolean closed) {}

    /** Highest sequence of the revocation log with {@code seq > since}, among the first {@code limit}; or since. */
    public long revocationUpper(Connection c, long since, int limit) throws SQLException {
        return upper(c, "revocation", since, limit);
    }

    /** Streams revocation rows {@code since < seq <= upper} in order; returns how many. */
    public int streamRevocations(Connection c, long since, long upper, RowSink sink) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, pass_id FROM revocation WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setFetchSize(5000);
            ps.setLong(1, since);
            ps.setLong(2, upper);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.row(rs.getLong(1), rs.getString(2));
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean revocationsAfter(Connection c, long seq) throws SQLException {
        return Jdbc.one(c, "SELECT seq FROM revocation WHERE seq > ? FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), seq)
                .isPresent();
    }

    public long lastRevocation(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(MAX(seq), 0) FROM revocation", rs -> rs.getLong(1))
                .orElse(0L);
    }

    public long lastBlacklist(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(MAX(seq), 0) FROM blacklist_log", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Blacklist rows with {@code seq > since}, at most {@code limit}, in order. */
    public List<BlacklistRow> blacklist(Connection c, long since, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT seq, binding, action FROM blacklist_log WHERE seq > ? ORDER BY seq FETCH FIRST " + limit
                        + " ROWS ONLY",
                rs -> new BlacklistRow(rs.getLong(1), rs.getString(2), "ADD".equals(rs.getString(3))),
                since);
    }

    public boolean blacklistAfter(Connection c, long seq) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT seq FROM blacklist_log WHERE seq > ? FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getLong(1),
                        seq)
                .isPresent();
    }

    /** Whether a pass is revoked (unknown passes are not). */
    public boolean revoked(Connection c, String passId) throws SQLException {
        return Jdbc.one(c, "SELECT pass_id FROM revocation WHERE pass_id=?", rs -> rs.getString(1), passId)
                .isPresent();
    }

    /** Slots running at {@code now} (start &lt;= now &lt; end). */
    public List<SlotNow> slotsAt(Connection c, Instant now) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id, product_id, start_at, end_at, capacity, held, sold, closed FROM slot"
                        + " WHERE start_at <= ? AND end_at > ? ORDER BY product_id, id",
                rs -> new SlotNow(
                        rs.getString(1),
                        rs.getString(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getBoolean(8)),
                now.toEpochMilli(),
                now.toEpochMilli());
    }

    static long upper(Connection c, String table, long since, int limit) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT MAX(seq) FROM (SELECT seq FROM " + table + " WHERE seq > ? ORDER BY seq FETCH FIRST "
                                + limit + " ROWS ONLY) t",
                        rs -> {
                            long v = rs.getLong(1);
                            return rs.wasNull() ? since : v;
                        },
                        since)
                .orElse(since);
    }
}
