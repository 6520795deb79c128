package io.scenicpass.server.http;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class ConcurrentReservationPostgresTest extends ConcurrentReservationContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("ConcurrentReservationPostgresTest");
    }

    @Override
    String dbUrl() {
        return PostgresServer.get().newDatabase();
    }
}
