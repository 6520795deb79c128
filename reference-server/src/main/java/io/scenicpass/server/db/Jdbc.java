package io.scenicpass.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tiny JDBC helpers used by the stores. */
public final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Most ids one {@code IN (...)} list carries. */
    public static final int IN_CHUNK = 500;

    /**
     * On PostgreSQL, has the server plan this statement at every execution with the values bound, so a read of a
     * growing table by a list of keys never keeps a generic plan made while the table was small (docs/benchmarks.md
     * § "reference-server entry ingestion"). No-op elsewhere.
     */
    public static void planEveryTime(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** {@code n} comma-separated {@code ?} placeholders, for an {@code IN (...)} list. */
    public static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** One statement executed as a JDBC batch, one parameter row per element of {@code rows}. */
    public static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] args : rows) {
                bind(ps, args);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The keys of the rows an executed JDBC batch changed ({@code counts[i]} is row {@code i}'s, {@code keys.get(i)}
     * its key); fails when the driver did not report per-row counts.
     */
    public static java.util.Set<String> changed(int[] counts, List<String> keys) throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                throw new SQLException("the driver did not report per-row update counts");
            }
            if (counts[i] > 0) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        return list(c, sql, false, row, args);
    }

    /** {@link #list}, planned at every execution on PostgreSQL when {@code planEveryTime} ({@link #planEveryTime}). */
    public static <T> List<T> list(Connection c, String sql, boolean planEveryTime, Row<T> row, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (planEveryTime) {
                planEveryTime(ps);
            }
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> l = list(c, sql, row, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /**
     * Takes the lock row of a cursor-read feed until the transaction ends, so that rows appended to the feed
     * get their sequence numbers in commit order (see V13__feed_order.sql). Must run inside a transaction.
     */
    public static void lockFeed(Connection c, String feed) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("feed " + feed + " must be appended to inside a transaction");
        }
        if (one(c, "SELECT name FROM feed_lock WHERE name=? FOR UPDATE", rs -> rs.getString(1), feed)
                .isEmpty()) {
            throw new IllegalStateException("no feed lock row " + feed);
        }
    }
}
