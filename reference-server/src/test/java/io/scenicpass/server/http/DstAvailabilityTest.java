package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slot times over HTTP on DST days: Europe/Berlin spring forward, America/New_York fall back. */
class DstAvailabilityTest {
    @TempDir
    Path dir;

    @Test
    void slotsKeepTheirWallClockTimesAndCorrectInstantsOnDstDays() {
        try (TestServer ts = new TestServer(
                dir,
                null,
                new MutableClock(Instant.parse("2026-03-20T00:00:00Z")),
                Map.of("slots.horizonDays", "400"))) {
            ts.product("berlin", "Europe/Berlin", LocalTime.of(8, 0), LocalTime.of(12, 0), 120, 10, false, 60, null);
            ts.product("ny", "America/New_York", LocalTime.of(0, 0), LocalTime.of(4, 0), 60, 10, false, 60, null);
            String key = ts.channel("ota", 1000, 1000, null);

            JsonNode berlin = ts.post(
                            "/octo/availability",
                            key,
                            "{\"productId\":\"berlin\",\"localDateStart\":\"2026-03-28\","
                                    + "\"localDateEnd\":\"2026-03-29\"}")
                    .json();
            List<String> starts = new ArrayList<>();
            List<String> cutoffs = new ArrayList<>();
            berlin.forEach(a -> {
                starts.add(a.get("localDateTimeStart").asText());
                cutoffs.add(a.get("utcCutoffAt").asText());
            });
            assertThat(starts)
                    .containsExactly(
                            "2026-03-28T08:00:00+01:00",
                            "2026-03-28T10:00:00+01:00",
                            "2026-03-29T08:00:00+02:00",
                            "2026-03-29T10:00:00+02:00");
            assertThat(cutoffs)
                    .containsExactly(
                            "2026-03-28T09:00:00Z",
                            "2026-03-28T11:00:00Z",
                            "2026-03-29T08:00:00Z",
                            "2026-03-29T10:00:00Z");

            // the pass of a DST-day booking carries the right instants
            ts.post(
                    "/octo/bookings",
                    key,
                    TestServer.reserve("dst-1", "berlin", "2026-03-29T08:00:00+02:00", "berlin-adult"));
            String text = ts.post("/octo/bookings/dst-1/confirm", key, null)
                    .json()
                    .get("unitItems")
                    .get(0)
                    .get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText();
            Pass pass = PassCodec.decode(text);
            assertThat(pass.claims().slotStart()).contains(Instant.parse("2026-03-29T06:00:00Z"));
            assertThat(pass.claims().validFrom()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z")); // a timed pass
            // is valid for its slot; the pass row keeps the local day (the manifest's window)
            long[] day = ts.server
                    .database()
                    .read(c -> io.scenicpass.server.db.Jdbc.one(
                                    c,
                                    "SELECT valid_from, valid_until FROM pass WHERE pass_id=?",
                                    rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                                    pass.claims().passId())
                            .orElseThrow());
            assertThat(Instant.ofEpochMilli(day[0])).isEqualTo(Instant.parse("2026-03-28T23:00:00Z")); // midnight, CET
            assertThat(Instant.ofEpochMilli(day[1])).isEqualTo(Instant.parse("2026-03-29T22:00:00Z")); // next, CEST

            JsonNode ny = ts.post("/octo/availability", key, "{\"productId\":\"ny\",\"localDate\":\"2027-03-14\"}")
                    .json();
            List<String> nyStarts = new ArrayList<>();
            ny.forEach(a -> nyStarts.add(a.get("id").asText()));
            assertThat(nyStarts)
                    .containsExactly(
                            "2027-03-14T00:00:00-05:00",
                            "2027-03-14T01:00:00-05:00",
                            "2027-03-14T03:00:00-04:00"); // 02:00 does not exist that night
        }
    }
}
