package io.scenicpass.server.park;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Tag;

/** {@link ParkApiContract} on a real PostgreSQL started by the test. */
@Tag("slow")
class ParkApiPostgresTest extends ParkApiContract {
    @Override
    String dbUrl() {
        PostgresServer.assumeAvailable("ParkApiPostgresTest");
        return PostgresServer.get().newDatabase();
    }
}
