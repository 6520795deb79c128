package io.scenicpass.server.http;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

@Tag("slow")
class BookingChangesRacePostgresTest extends BookingChangesRaceContract {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("BookingChangesRacePostgresTest");
    }

    @Override
    String dbUrl() {
        return PostgresServer.get().newDatabase();
    }
}
