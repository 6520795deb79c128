package io.scenicpass.server.measures;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Tag;

/** {@link MeasuresContract} on a real PostgreSQL started by the test. */
@Tag("slow")
class MeasuresPostgresTest extends MeasuresContract {
    @Override
    String dbUrl() {
        PostgresServer.assumeAvailable("MeasuresPostgresTest");
        return PostgresServer.get().newDatabase();
    }
}
