package io.scenicpass.server.payments;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL (READ COMMITTED, real row locks): notifications and queries racing on one payment complete it once
 * (the conditional state update; a read-then-write check completes it several times here).
 */
@Tag("slow")
class PaymentsPostgresTest {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("PaymentsPostgresTest");
    }

    @Test
    void concurrentCompletionsCompleteEachPaymentOnce() throws Exception {
        try (PaymentsFixture f = new PaymentsFixture(PostgresServer.get().newDatabase(), "postgres")) {
            PaymentsFixture.raceCompletions(f);
        }
    }
}
