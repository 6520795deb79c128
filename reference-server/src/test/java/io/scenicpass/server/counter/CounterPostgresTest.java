package io.scenicpass.server.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL (production mode: READ COMMITTED, real row locks): a counter sale, its payment and confirmation, and
 * the completions racing on paid sales issue each sale's passes once.
 */
@Tag("slow")
class CounterPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("CounterPostgresTest");
    }

    @Test
    void sellsConfirmsAndCompletesOnce() throws Exception {
        try (TestServer ts =
                new TestServer(dir, PostgresServer.get().newDatabase(), new MutableClock(TestServer.START), Map.of())) {
            CounterFixture f = new CounterFixture(ts);
            String saleId = f.sell(f.kiosk, "tour-adult", "tour-child");
            JsonNode paid = f.pay(f.kiosk, saleId, CounterPaymentsTest.CODE);
            assertThat(paid.get("state").asText()).isEqualTo("PAID");
            assertThat(paid.get("tickets")).hasSize(2);
            assertThat(f.passesOf(paid.get("bookingId").asText())).isEqualTo(2);
            assertThat(f.remaining()).isEqualTo(98);
            CounterRaceTest.race(f, 4);
            assertThat(ts.get("/admin/v1/counter/report", TestServer.ADMIN)
                            .json()
                            .get("sales")
                            .get("count")
                            .asLong())
                    .isEqualTo(5);
        }
    }
}
