package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** octo/cart on PostgreSQL: the all-or-nothing confirm rolls back every booking's sale, then a whole order sells. */
@Tag("slow")
class OctoCartPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("OctoCartPostgresTest");
    }

    @Test
    void allOrNothingOnPostgres() {
        try (TestServer ts =
                new TestServer(dir, PostgresServer.get().newDatabase(), new MutableClock(TestServer.START), Map.of())) {
            CartFixture f = new CartFixture(ts);
            f.expiredHoldRefusesTheWholeOrder();
            String id = f.familyOrder("c", 60);
            assertThat(f.cart("POST", "/octo/orders/" + id + "/confirm", f.key, null)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CONFIRMED");
            assertThat(f.sold("park", CartFixture.MORNING)).isEqualTo(2);
            assertThat(f.sold("cable", CartFixture.MORNING)).isEqualTo(1);
            f.noDrift();
            assertThat(f.cart("POST", "/octo/orders/" + id + "/cancel", f.key, null)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CANCELLED");
            f.nothingSoldOrHeld();
        }
    }
}
