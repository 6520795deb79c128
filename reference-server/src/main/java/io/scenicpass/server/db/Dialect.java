package io.scenicpass.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The SQL and locking that differ between embedded H2 and PostgreSQL, chosen once by {@link Database} from the JDBC
 * URL and handed to the stores. Statements both databases run alike ({@code ON CONFLICT DO NOTHING},
 * {@code FOR UPDATE SKIP LOCKED}, ...) are written once in the stores; what differs is asked of the dialect, or
 * written by a store in two forms of which the dialect {@link #pick picks} one when the store is built.
 */
public interface Dialect {

    /** The dialect of a JDBC URL: PostgreSQL for {@code jdbc:postgresql:}, otherwise H2. */
    static Dialect forUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? new PostgresDialect() : new H2Dialect();
    }

    /** A pooled connection made ready for the stores (H2: row-lock waits in short rounds, {@link H2LockWaits}). */
    Connection prepare(Connection pooled) throws SQLException;

    /** A statement run once on each new pooled connection (null: none). */
    default String connectionInit() {
        return null;
    }

    /**
     * The form written for this database, of two a store or service wrote (its set-based PostgreSQL statements over
     * {@code unnest} arrays, its H2 JDBC batches); called once, when that store or service is built.
     */
    <T> T pick(Supplier<? extends T> h2, Supplier<? extends T> postgres);

    /**
     * {@code SELECT columns FROM table WHERE key IN (keys) [AND where] [ORDER BY orderBy]}, {@code args} binding the
     * marks of {@code where}: one query per {@value Jdbc#IN_CHUNK} keys (rows of one key come from one query).
     * PostgreSQL: one index lookup per key over an array parameter, planned at every execution
     * ({@link PostgresDialect#listByKeys}).
     *
     * @param where an extra condition, or null
     * @param orderBy the order within one query, or null
     */
    <T> List<T> listByKeys(
            Connection c,
            String columns,
            String table,
            String key,
            String where,
            String orderBy,
            Collection<String> keys,
            Jdbc.Row<T> row,
            Object... args)
            throws SQLException;

    /**
     * Runs {@code work}, a transaction that writes a row many requests write at once (a hot slot). H2 answers a
     * locked row with sleep-and-retry: its writers of one row are queued in this JVM (one process by construction: H2
     * locks its file). PostgreSQL queues them on the row lock itself: runs {@code work} at once.
     */
    <T> T onHotRow(String rowId, Supplier<T> work);
}
