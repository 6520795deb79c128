package io.scenicpass.server.sales.internal;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class HoldCombinerPostgresTest extends HoldCombinerContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("HoldCombinerPostgresTest");
    }

    @Override
    String dbUrl() {
        return PostgresServer.get().newDatabase();
    }
}
