package io.scenicpass.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's sold-out slots: the cable car's first slot tomorrow and the day after, sold in real bookings, once. */
class DemoSoldOutTest {
    @TempDir
    Path dir;

    @Test
    void theFirstCableCarSlotsOfTheNextTwoDaysAreSoldOutAndTheOthersAreNot() {
        // no synthetic flow history: it takes a minute and has nothing to do with the sold-out slots
        try (TestServer ts =
                new TestServer(dir, null, new MutableClock(TestServer.START), Map.of("flow.demoHistoryDays", "0"))) {
            new DemoSeeder(ts.server).seed();
            assertThat(DemoSoldOut.seed(ts.server)).isEqualTo(800);
            LocalDate today = LocalDate.now(ts.clock.withZone(ZoneId.of(DemoSeeder.ZONE)));
            CatalogueService.ProductView pv = ts.server.catalogue().product("park-cablecar", "shop");
            List<InventoryService.DayView> days = ts.server
                    .inventory()
                    .calendar(
                            pv.product(),
                            pv.option("park-cablecar-std").option(),
                            today.plusDays(1),
                            today.plusDays(3),
                            "shop");
            for (int d = 0; d < 2; d++) {
                assertThat(days.get(d).slots().get(0).vacancies())
                        .as("day %d first slot", d + 1)
                        .isZero();
                assertThat(days.get(d).slots().get(1).vacancies())
                        .as("day %d second slot", d + 1)
                        .isEqualTo(400);
            }
            assertThat(days.get(2).slots().get(0).vacancies()).isEqualTo(400);
            assertThat(DemoSoldOut.seed(ts.server))
                    .as("already sold out: nothing more sold")
                    .isZero();
        }
    }
}
