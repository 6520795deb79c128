package io.scenicpass.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database waits for row locks in rounds of one second, a statement that runs out of a round is
 * executed again ({@link H2LockWaits}): a wait longer than a round still succeeds, the waiting transaction keeps
 * what it did before, and batches still report their per-row counts.
 */
class H2LockWaitsTest {
    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        String url = ServerConfig.of(Map.of("data", dir.toString())).effectiveDbUrl();
        db = new Database(url, "sa", "", 4);
        db.tx(c -> {
            Jdbc.batch(
                    c,
                    "INSERT INTO setting(name, setting_value) VALUES (?, ?)",
                    List.of(new Object[] {"a", "0"}, new Object[] {"b", "0"}));
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLockHeldLongerThanOneRoundIsWaitedForAndTheWaitersTransactionKeepsItsWork() throws Exception {
        long retriesBefore = H2LockWaits.RETRIES.get();
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            Jdbc.update(holder, "UPDATE setting SET setting_value = 'holder' WHERE name = 'b'");
            CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> db.tx(c -> {
                Jdbc.update(c, "UPDATE setting SET setting_value = 'waiter' WHERE name = 'a'");
                return Jdbc.update(c, "UPDATE setting SET setting_value = setting_value || '+waiter' WHERE name = 'b'");
            }));
            // the waiter has run out of at least one round (1 s) and is waiting again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (H2LockWaits.RETRIES.get() == retriesBefore && System.nanoTime() < deadline && !waiter.isDone()) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
            assertThat(waiter).as("still waiting for the holder's lock").isNotDone();
            assertThat(H2LockWaits.RETRIES.get()).isGreaterThan(retriesBefore);
            holder.commit();
            assertThat(waiter.get(15, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(value("a")).isEqualTo("waiter");
        assertThat(value("b")).isEqualTo("holder+waiter");
    }

    @Test
    void batchesRunRowByRowAndReportTheirCounts() {
        int[] counts = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO setting(name, setting_value) VALUES (?, '1') ON CONFLICT DO NOTHING")) {
                for (String name : List.of("a", "c", "d")) {
                    ps.setString(1, name);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
        assertThat(counts).containsExactly(0, 1, 1);
        assertThat(value("c")).isEqualTo("1");
    }

    @Test
    void otherErrorsAreNotRetried() {
        long retriesBefore = H2LockWaits.RETRIES.get();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        db.tx(c -> Jdbc.update(c, "INSERT INTO setting(name, setting_value) VALUES ('a', 'dup')")))
                .isInstanceOf(StoreException.class);
        assertThat(H2LockWaits.RETRIES.get()).isEqualTo(retriesBefore);
    }

    private String value(String name) {
        return db.read(c ->
                        Jdbc.one(c, "SELECT setting_value FROM setting WHERE name = ?", rs -> rs.getString(1), name))
                .orElseThrow();
    }
}
