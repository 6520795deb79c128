package io.scenicpass.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The availability cache over HTTP: never stale after this node's own changes; at most {@code availability.cacheMillis}
 * stale for another node's changes (two servers on one database, time moved by the injected clock); off when 0.
 */
class AvailabilityCacheServerTest {
    static final String SLOT = "2026-06-02T08:00:00+08:00";

    @TempDir
    Path dir;

    private static int vacancies(TestServer ts, String key) {
        return ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"a\",\"optionId\":\"a-opt\",\"localDate\":\"2026-06-02\"}")
                .json()
                .get(0)
                .get("vacancies")
                .asInt();
    }

    private static int vacanciesById(TestServer ts, String key) {
        return ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"a\",\"optionId\":\"a-opt\",\"availabilityIds\":[\"" + SLOT + "\"]}")
                .json()
                .get(0)
                .get("vacancies")
                .asInt();
    }

    private static int calendarVacancies(TestServer ts, String key) {
        return ts.post(
                        "/octo/availability/calendar",
                        key,
                        "{\"productId\":\"a\",\"optionId\":\"a-opt\","
                                + "\"localDateStart\":\"2026-06-02\",\"localDateEnd\":\"2026-06-02\"}")
                .json()
                .get(0)
                .get("vacancies")
                .asInt();
    }

    private static String reserve(String uuid) {
        return TestServer.reserve(uuid, "a", SLOT, "a-adult");
    }

    @Test
    void ownChangesShowAtOnce() {
        try (TestServer ts = new TestServer(
                dir, null, new MutableClock(TestServer.START), Map.of("availability.cacheMillis", "3600000"))) {
            ts.product("a", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(10, 0), 120, 10, false, 60, null);
            String key = ts.channel("ota", 1000, 1000, null);
            assertThat(vacancies(ts, key)).isEqualTo(10);
            assertThat(vacanciesById(ts, key)).isEqualTo(10);
            assertThat(calendarVacancies(ts, key)).isEqualTo(10);
            assertThat(ts.post("/octo/bookings", key, reserve("h1")).status()).isEqualTo(200);
            assertThat(vacancies(ts, key)).isEqualTo(9);
            assertThat(vacanciesById(ts, key)).isEqualTo(9);
            assertThat(calendarVacancies(ts, key)).isEqualTo(9);
            assertThat(ts.post("/octo/bookings/h1/confirm", key, "{}").status()).isEqualTo(200);
            assertThat(vacancies(ts, key)).isEqualTo(9);
            assertThat(ts.post("/octo/bookings/h1/cancel", key, "{}").status()).isEqualTo(200);
            assertThat(vacancies(ts, key)).isEqualTo(10);
            // a hold that expires (lazily, when its booking is read) gives its place back at once
            assertThat(ts.post(
                                    "/octo/bookings",
                                    key,
                                    "{\"uuid\":\"h2\",\"productId\":\"a\",\"optionId\":\"a-opt\","
                                            + "\"availabilityId\":\"" + SLOT
                                            + "\",\"expirationMinutes\":1,\"unitItems\":[{\"unitId\":\"a-adult\"}]}")
                            .status())
                    .isEqualTo(200);
            assertThat(vacancies(ts, key)).isEqualTo(9);
            ts.clock.advance(Duration.ofMinutes(2)); // well inside the one-hour cache ttl
            assertThat(ts.get("/octo/bookings/h2", key).json().get("status").asText())
                    .isEqualTo("EXPIRED");
            assertThat(vacancies(ts, key)).isEqualTo(10);
            // admin changes: capacity and closing
            String slotId = ("a-opt|" + SLOT).replace("|", "%7C").replace("+", "%2B");
            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/slots/" + slotId + "/capacity",
                                    TestServer.ADMIN,
                                    "{\"capacity\":12}",
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(vacancies(ts, key)).isEqualTo(12);
            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/slots/" + slotId + "/closed",
                                    TestServer.ADMIN,
                                    "{\"closed\":true}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
            assertThat(vacancies(ts, key)).isZero();
        }
    }

    @Test
    void anotherNodesChangesShowWithinTheTtlAndAtOnceWhenTheCacheIsOff() {
        MutableClock clock = new MutableClock(TestServer.START);
        // two servers on one database (the same H2 file, shared inside this JVM): a caches for 1 s, b does not cache
        try (TestServer a = new TestServer(dir, null, clock, Map.of("availability.cacheMillis", "1000"));
                TestServer b = new TestServer(dir, null, clock, Map.of("availability.cacheMillis", "0"))) {
            a.product("a", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(10, 0), 120, 10, false, 60, null);
            String key = a.channel("ota", 1000, 1000, null);
            assertThat(vacancies(a, key)).isEqualTo(10);
            assertThat(vacancies(b, key)).isEqualTo(10);
            assertThat(b.post("/octo/bookings", key, reserve("h1")).status()).isEqualTo(200);
            assertThat(vacancies(b, key)).isEqualTo(9);
            assertThat(vacancies(a, key)).isEqualTo(10); // a's answer is cached: advisory, at most 1 s old
            clock.advance(Duration.ofMillis(999));
            assertThat(vacancies(a, key)).isEqualTo(10);
            clock.advance(Duration.ofMillis(2));
            assertThat(vacancies(a, key)).isEqualTo(9);
            // with the cache off, b sees a's reservation at once
            assertThat(a.post("/octo/bookings", key, reserve("h2")).status()).isEqualTo(200);
            assertThat(vacancies(b, key)).isEqualTo(8);
            assertThat(vacancies(a, key)).isEqualTo(8);
            // the cache never decides a reservation: a full slot on b is refused on a even while a still shows places
            for (int i = 3; i <= 10; i++) {
                assertThat(b.post("/octo/bookings", key, reserve("h" + i)).status())
                        .isEqualTo(200);
            }
            assertThat(vacancies(b, key)).isZero();
            assertThat(vacancies(a, key)).isEqualTo(8);
            assertThat(a.post("/octo/bookings", key, reserve("late"))
                            .json()
                            .get("error")
                            .asText())
                    .isEqualTo("UNPROCESSABLE_ENTITY");
        }
    }
}
