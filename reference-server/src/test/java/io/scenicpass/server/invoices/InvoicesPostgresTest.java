package io.scenicpass.server.invoices;

import io.scenicpass.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The invoice service's tests on PostgreSQL: the insert-if-absent under the booking's unique index, the conditional
 * ISSUING → ISSUED update and the retention queries with real row locks and READ COMMITTED.
 */
@Tag("slow")
class InvoicesPostgresTest extends InvoiceServiceTest {
    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("InvoicesPostgresTest");
    }

    @Override
    InvoicesFixture open() {
        return InvoicesFixture.postgres(dir);
    }
}
