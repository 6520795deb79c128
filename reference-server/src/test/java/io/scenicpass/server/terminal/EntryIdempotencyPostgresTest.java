package io.scenicpass.server.terminal;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** {@link EntryIdempotencyContract} on a real PostgreSQL started by the test. */
@Tag("slow")
class EntryIdempotencyPostgresTest extends EntryIdempotencyContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("EntryIdempotencyPostgresTest");
    }

    @Override
    String dbUrl() {
        return PostgresServer.get().newDatabase();
    }
}
