package io.scenicpass.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connection per thread (issue 22 #9): a {@code db.read}/{@code db.tx} inside a transaction runs on the
 * transaction's connection (a pool of ONE never deadlocks on it), or fails loudly with {@code strictNesting}; an
 * exhausted pool fails as "busy"; a transaction never commits half its work.
 */
@Timeout(30)
class DatabaseConnectionsTest {
    @TempDir
    Path dir;

    private Database open(int poolSize, long poolTimeoutMillis, boolean strict) {
        return new Database(
                ServerConfig.of(Map.of("data", dir.toString())).effectiveDbUrl(),
                "sa",
                "",
                poolSize,
                poolTimeoutMillis,
                strict);
    }

    @Test
    void aReadInsideATransactionUsesTheTransactionsConnectionEvenWithAPoolOfOne() {
        try (Database db = open(1, 2_000, false)) {
            String seen = db.<String>tx(c -> {
                set(c, "k", "inside");
                // before the fix: a second pooled connection, which a pool of one never has (timeout after 2 s)
                return db.read(rc -> value(rc, "k")) + "/" + db.tx(tc -> value(tc, "k"));
            });
            assertThat(seen).isEqualTo("inside/inside"); // the transaction's own, uncommitted write
            assertThat(db.<String>read(c -> value(c, "k"))).isEqualTo("inside");
        }
    }

    @Test
    void withStrictNestingASecondConnectionInsideATransactionFailsLoudly() {
        try (Database db = open(4, 2_000, true)) {
            assertThatThrownBy(() -> db.tx(c -> db.read(rc -> value(rc, "k"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pass the connection down");
            assertThatThrownBy(() -> db.read(c -> db.tx(tc -> value(tc, "k"))))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(db.inUse()).isFalse(); // released after the failure
        }
    }

    @Test
    void anExhaustedPoolFailsAsBusy() throws Exception {
        try (Database db = open(1, 300, false)) {
            Thread holder = new Thread(() -> db.tx(c -> {
                try {
                    Thread.sleep(1_500); // holds the only connection past the other thread's wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            holder.start();
            while (!holder.isAlive()
                    || db.dataSource()
                                    .unwrap(com.zaxxer.hikari.HikariDataSource.class)
                                    .getHikariPoolMXBean()
                                    .getActiveConnections()
                            == 0) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> db.read(c -> value(c, "k")))
                    .isInstanceOfSatisfying(
                            StoreException.class, e -> assertThat(e.isBusy()).isTrue());
            holder.join();
        }
    }

    @Test
    void aFailureThatIsNeitherSqlNorUncheckedRollsTheTransactionBack() {
        try (Database db = open(2, 2_000, false)) {
            db.tx(c -> set(c, "status", "ON_HOLD"));
            // a crash point between a status change and the counter move it belongs with; before the fix the
            // finally-block's setAutoCommit(true) committed the status change on its own
            assertThatThrownBy(() -> db.tx(c -> {
                        set(c, "status", "CONFIRMED");
                        throw sneaky(new IOException("crash between the status change and the counter move"));
                    }))
                    .isInstanceOf(IOException.class);
            assertThat(db.<String>read(c -> value(c, "status"))).isEqualTo("ON_HOLD");
        }
    }

    private static Void set(java.sql.Connection c, String name, String value) throws java.sql.SQLException {
        if (Jdbc.update(c, "UPDATE setting SET setting_value=? WHERE name=?", value, name) == 0) {
            Jdbc.update(c, "INSERT INTO setting(name, setting_value) VALUES (?, ?)", name, value);
        }
        return null;
    }

    private static String value(java.sql.Connection c, String name) throws java.sql.SQLException {
        return Jdbc.one(c, "SELECT setting_value FROM setting WHERE name=?", rs -> rs.getString(1), name)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
