package io.scenicpass.server.packages;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** {@link PackageConcurrencyContract} on PostgreSQL (production mode). */
@Tag("slow")
class PackageConcurrencyPostgresTest extends PackageConcurrencyContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("PackageConcurrencyPostgresTest");
    }

    @Override
    String dbUrl() {
        return PostgresServer.get().newDatabase();
    }
}
