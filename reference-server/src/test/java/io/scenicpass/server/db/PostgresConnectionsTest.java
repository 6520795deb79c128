package io.scenicpass.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The pool's connections on PostgreSQL are made ready once: no JIT compilation (see PostgresDialect). */
@Tag("slow")
class PostgresConnectionsTest {
    @Test
    void pooledConnectionsRunWithoutJit() {
        PostgresServer.assumeAvailable("PostgresConnectionsTest");
        Database db = new Database(PostgresServer.get().newDatabase(), "postgres", "", 2, 5_000, false);
        try {
            for (int i = 0; i < 3; i++) { // every connection of the pool, not only the first
                String jit = db.read(
                        c -> Jdbc.one(c, "SHOW jit", rs -> rs.getString(1)).orElseThrow());
                assertThat(jit).isEqualTo("off");
            }
        } finally {
            db.close();
        }
    }
}
