package io.scenicpass.server.flow;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.Tag;

/** {@link FlowApiContract} on a real PostgreSQL started by the test. */
@Tag("slow")
class FlowApiPostgresTest extends FlowApiContract {
    @Override
    String dbUrl() {
        PostgresServer.assumeAvailable("FlowApiPostgresTest");
        return PostgresServer.get().newDatabase();
    }
}
