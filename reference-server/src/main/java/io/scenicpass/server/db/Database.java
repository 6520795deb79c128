package io.scenicpass.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool, migrations and a small transaction helper.
 *
 * <p>One connection per thread at a time: {@link #tx} and {@link #read} called while the same thread already works
 * on a connection (inside another {@code tx} or {@code read}) reuse it instead of taking a second one from the pool.
 * A second pooled connection taken while holding the first deadlocks the pool under load: N threads each hold one and
 * wait for another until the pool's timeout (issue 22 #9). With {@code strictNesting} (on in the tests) such a nested
 * call fails loudly instead, so that every place passes its connection down explicitly.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource ds;
    private final boolean postgres;
    private final Dialect dialect;
    private final boolean strictNesting;
    /** The connection the current thread works on (in {@link #tx} or {@link #read}), if any. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public Database(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, 30_000, false);
    }

    /**
     * @param poolTimeoutMillis how long a request waits for a free connection before failing with a
     *     {@link StoreException} that {@link StoreException#isBusy() is busy}
     * @param strictNesting fail (IllegalStateException) instead of reusing the thread's connection on a nested call
     */
    public Database(
            String url, String user, String password, int poolSize, long poolTimeoutMillis, boolean strictNesting) {
        this.strictNesting = strictNesting;
        HikariConfig hc = new HikariConfig();
        hc.setConnectionTimeout(poolTimeoutMillis);
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("scenicpass");
        hc.setAutoCommit(true);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.dialect = Dialect.forUrl(url);
        hc.setConnectionInitSql(dialect.connectionInit());
        this.ds = new HikariDataSource(hc);
        this.postgres = dialect instanceof PostgresDialect;
        // on a connection of its own: Flyway holds one for its lock while migrating on another (a pool of one hung)
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return ds;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * A connection outside the pool, with the pool's URL and credentials, for a session that outlives any request
     * (LISTEN); named {@code applicationName} where PostgreSQL shows sessions ({@code pg_stat_activity}). Close it.
     */
    public Connection openDedicatedConnection(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", ds.getUsername() == null ? "" : ds.getUsername());
        props.setProperty("password", ds.getPassword() == null ? "" : ds.getPassword());
        if (postgres) {
            props.setProperty("ApplicationName", applicationName);
        }
        return DriverManager.getConnection(ds.getJdbcUrl(), props);
    }

    /** The SQL that differs between H2 and PostgreSQL, for the stores (chosen from the JDBC URL). */
    public Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in a transaction; commits on success, rolls back on any exception. */
    public <T> T tx(TxWork<T> work) {
        Connection outer = current.get();
        if (outer != null) {
            nestedCall("tx");
            // inside another tx: part of it; inside a read (auto-commit): a transaction of its own on the same
            // connection
            return outer(outer) ? run(outer, work) : inTransaction(outer, work);
        }
        try (Connection c = connection()) {
            current.set(c);
            try {
                return inTransaction(c, work);
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static <T> T inTransaction(Connection c, TxWork<T> work) {
        try {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (Throwable e) { // every failure, checked ones thrown sneakily included
                rollback(c, e);
                throw e;
            }
            c.setAutoCommit(true); // only after commit or rollback: switching it on commits what is pending
            return result;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static boolean outer(Connection c) {
        try {
            return !c.getAutoCommit();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Rolls back after {@code cause}; a failed rollback is added to it and the connection stays in manual-commit mode,
     * so that nothing of the transaction is committed (the pool rolls back or discards it on close).
     */
    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (inside a {@link #tx}: on the transaction's). */
    public <T> T read(TxWork<T> work) {
        Connection outer = current.get();
        if (outer != null) {
            nestedCall("read");
            return run(outer, work);
        }
        try (Connection c = connection()) {
            current.set(c);
            try {
                return work.run(c);
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** True while the current thread works on a connection of this database (inside {@link #tx} or {@link #read}). */
    public boolean inUse() {
        return current.get() != null;
    }

    /** A {@code tx} or {@code read} called while this thread already holds a connection: allowed unless strict. */
    private void nestedCall(String what) {
        if (strictNesting) {
            throw new IllegalStateException("db." + what + " called while this thread already holds a connection:"
                    + " pass the connection down instead (db.strictNesting)");
        }
    }

    private static <T> T run(Connection c, TxWork<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A pooled connection; on H2 its statements wait for row locks in short rounds ({@link H2LockWaits}). */
    private Connection connection() throws SQLException {
        return dialect.prepare(ds.getConnection());
    }

    @Override
    public void close() {
        ds.close();
    }
}
