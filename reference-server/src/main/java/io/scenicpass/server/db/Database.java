package io.scenicpass.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool, migrations and a small transaction helper. */
public final class Database implements AutoCloseable {

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface TxWork<T> {
    T run(Connection c) throws SQLException;
  }

  private final HikariDataSource ds;
  private final boolean postgres;

  public Database(String url, String user, String password, int poolSize) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(user);
    hc.setPassword(password);
    hc.setMaximumPoolSize(poolSize);
    hc.setPoolName("scenicpass");
    hc.setAutoCommit(true);
    hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    this.ds = new HikariDataSource(hc);
    this.postgres = url.startsWith("jdbc:postgresql:");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
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

  /** Runs {@code work} in a transaction; commits on success, rolls back on any exception. */
  public <T> T tx(TxWork<T> work) {
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  public <T> T read(TxWork<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** A pooled connection; on H2 its statements wait for row locks in short rounds ({@link H2LockWaits}). */
  private Connection connection() throws SQLException {
    Connection c = ds.getConnection();
    return postgres ? c : H2LockWaits.wrap(c);
  }

  @Override
  public void close() {
    ds.close();
  }
}
