package io.scenicpass.server.store;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class StorePostgresTest extends StoreContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("PostgreSQL store tests");
    }

    @Override
    String url() {
        return PostgresServer.get().newDatabase();
    }

    @Override
    String otherUrl() {
        return PostgresServer.get().newDatabase();
    }

    @Override
    String user() {
        return "postgres";
    }
}
