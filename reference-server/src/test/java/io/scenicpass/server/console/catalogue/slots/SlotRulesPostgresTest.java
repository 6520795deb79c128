package io.scenicpass.server.console.catalogue.slots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL (production mode), bookings race a rule change of their day and a slot's capacity cut: every
 * reservation is a success or a typed refusal, no held or confirmed booking is left on a slot that the change removed,
 * a day with a sale is kept, the counters equal their bookings (no drift) and no slot holds more than its capacity.
 */
@Tag("slow")
class SlotRulesPostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("SlotRulesPostgresTest");
    }

    @Test
    void bookingsRacingARuleChangeAndACapacityCutNeverOversellNorLoseASale() throws Exception {
        String url = PostgresServer.get().newDatabase();
        try (TestServer ts = new TestServer(dir, url, new MutableClock(TestServer.START), Map.of())) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 0, null);
            String key = ts.channel("ota", 100_000, 100_000, null);
            OctoProbe octo = new OctoProbe(ts, key);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 4; round++) {
                    String day = "2026-06-1" + round;
                    octo.starts("tour", day, day); // the day exists with the old rule
                    List<CompletableFuture<Integer>> booked = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        String uuid = "R" + round + "-" + i;
                        String start = day + "T" + (i % 2 == 0 ? "10" : "12") + ":00:00+08:00";
                        booked.add(CompletableFuture.supplyAsync(
                                () -> ts.post(
                                                "/octo/bookings",
                                                key,
                                                TestServer.reserve(uuid, "tour", start, "tour-adult"))
                                        .status(),
                                pool));
                    }
                    TestServer.Answer cut = ts.send(
                            "PUT",
                            "/admin/v1/slots/"
                                    + ("tour-opt|" + day + "T12:00:00+08:00")
                                            .replace("|", "%7C")
                                            .replace("+", "%2B") + "/capacity",
                            TestServer.ADMIN,
                            "{\"capacity\":4}",
                            Map.of());
                    TestServer.Answer change = ts.send(
                            "PUT",
                            "/admin/v1/slot-rules/tour-opt",
                            TestServer.ADMIN,
                            "{\"from\":\"" + day + "\",\"openTime\":\"09:00\",\"closeTime\":\"17:00\","
                                    + "\"intervalMinutes\":60,\"slotCapacity\":" + (6 + round) + "}",
                            Map.of());
                    assertThat(change.status()).as(change.body()).isEqualTo(200);
                    assertThat(cut.status()).as(cut.body()).isIn(200, 404, 409);
                    int ok = 0;
                    for (CompletableFuture<Integer> f : booked) {
                        int status = f.get();
                        assertThat(status).isIn(200, 400); // a hold or OCTO's typed refusal, never a 500
                        ok += status == 200 ? 1 : 0;
                    }
                    boolean kept = false;
                    for (JsonNode k : change.json().get("keptDays")) {
                        kept |= k.get("date").asText().equals(day);
                    }
                    int heldOnDay = count(
                            ts,
                            "SELECT COUNT(*) FROM booking WHERE local_date = DATE '" + day
                                    + "' AND status = 'ON_HOLD'");
                    assertThat(heldOnDay).isEqualTo(ok);
                    if (!kept) { // laid out again: every hold there was made on the new slots, after the change
                        assertThat(octo.starts("tour", day, day)).hasSize(8);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(count(
                            ts,
                            "SELECT COUNT(*) FROM booking b WHERE b.status IN ('ON_HOLD', 'CONFIRMED')"
                                    + " AND NOT EXISTS (SELECT 1 FROM slot s WHERE s.id = b.slot_id)"))
                    .isZero();
            assertThat(count(ts, "SELECT COUNT(*) FROM slot WHERE held + sold > capacity"))
                    .isZero();
            assertThat(ts.server.inventory().repair().check()).isEmpty();
        }
    }

    private static int count(TestServer ts, String sql) {
        return ts.server
                .database()
                .read(c -> Jdbc.one(c, sql, rs -> rs.getInt(1)).orElseThrow());
    }
}
