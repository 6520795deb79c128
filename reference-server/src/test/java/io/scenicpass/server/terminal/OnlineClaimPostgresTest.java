package io.scenicpass.server.terminal;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** {@link OnlineClaimContract} on a real PostgreSQL started by the test, with two server nodes. */
@Tag("slow")
class OnlineClaimPostgresTest extends OnlineClaimContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("OnlineClaimPostgresTest");
    }

    @Override
    String dbUrl() {
        return PostgresServer.get().newDatabase();
    }

    @Override
    boolean twoNodes() {
        return true;
    }
}
