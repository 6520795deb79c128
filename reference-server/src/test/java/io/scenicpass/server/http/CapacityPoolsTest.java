package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily park capacity shared by products, per-channel allotments, admin blacklist — over HTTP. */
class CapacityPoolsTest {
    static final String SLOT = "2026-06-02T08:00:00+08:00";

    @TempDir
    Path dir;

    private static int vacancies(TestServer ts, String key, String product) {
        return ts.post(
                        "/octo/availability",
                        key,
                        "{\"productId\":\"" + product + "\",\"availabilityIds\":[\"" + SLOT + "\"]}")
                .json()
                .get(0)
                .get("vacancies")
                .asInt();
    }

    @Test
    void dailyPoolCapsAllProductsAndAllotmentsAddChannelCapacity() {
        try (TestServer ts = TestServer.h2(dir)) {
            ts.server.catalogue().setDayPoolDefault("park", 3);
            ts.product("a", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, "park");
            ts.product("b", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, "park");
            String key = ts.channel("ota", 1000, 1000, null);
            String vip = ts.channel("vip", 1000, 1000, null);
            assertThat(vacancies(ts, key, "a")).isEqualTo(3); // the day pool is the tighter limit
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("p1", "a", SLOT, "a-adult", "a-adult"))
                            .status())
                    .isEqualTo(200);
            assertThat(vacancies(ts, key, "b")).isEqualTo(1);
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("p2", "b", SLOT, "b-adult", "b-adult"))
                            .json()
                            .get("errorMessage")
                            .asText())
                    .contains("daily capacity");
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("p3", "b", SLOT, "b-adult"))
                            .status())
                    .isEqualTo(200);
            // operator raises the day's capacity; lowering below sold+held is refused
            String poolPath = "/admin/v1/day-pools/park/2026-06-02";
            assertThat(ts.send("PUT", poolPath, TestServer.ADMIN, "{\"capacity\":2}", Map.of())
                            .status())
                    .isEqualTo(409);
            assertThat(ts.send("PUT", poolPath, TestServer.ADMIN, "{\"capacity\":20}", Map.of())
                            .status())
                    .isEqualTo(204);
            assertThat(vacancies(ts, key, "b")).isEqualTo(9); // now the slot (10, 1 held) limits

            // an allotment of 2 for vip on product a's slot, on top of the shared pool
            String slotId = ("a-opt|" + SLOT).replace("|", "%7C").replace("+", "%2B");
            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/slots/" + slotId + "/allotments/vip",
                                    TestServer.ADMIN,
                                    "{\"capacity\":2}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
            assertThat(vacancies(ts, vip, "a")).isEqualTo(vacancies(ts, key, "a") + 2);
            Answer fromAllotment =
                    ts.post("/octo/bookings", vip, TestServer.reserve("v1", "a", SLOT, "a-adult", "a-adult"));
            assertThat(fromAllotment.status()).isEqualTo(200);
            assertThat(ts.server
                            .inventory()
                            .findSlot("a-opt|" + SLOT)
                            .orElseThrow()
                            .held())
                    .isEqualTo(2); // shared untouched
            ts.post("/octo/bookings/v1/cancel", vip, null);
            assertThat(vacancies(ts, vip, "a")).isEqualTo(vacancies(ts, key, "a") + 2);
        }
    }

    @Test
    void blacklistEntriesAreLoggedWithSequences() {
        try (TestServer ts = TestServer.h2(dir)) {
            String binding = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
            assertThat(ts.post(
                                    "/admin/v1/blacklist",
                                    TestServer.ADMIN,
                                    "{\"binding\":\"" + binding + "\",\"note\":\"fraud\"}")
                            .status())
                    .isEqualTo(204);
            assertThat(ts.send("DELETE", "/admin/v1/blacklist/" + binding, TestServer.ADMIN, null, Map.of())
                            .status())
                    .isEqualTo(204);
            assertThat(ts.post("/admin/v1/blacklist", TestServer.ADMIN, "{\"binding\":\"short\"}")
                            .json()
                            .get("code")
                            .asText())
                    .isEqualTo("BAD_REQUEST");
            var log = ts.get("/admin/v1/blacklist?since=0", TestServer.ADMIN).json();
            assertThat(log).hasSize(2);
            assertThat(log.get(0).get("action").asText()).isEqualTo("ADD");
            assertThat(log.get(1).get("action").asText()).isEqualTo("REMOVE");
            assertThat(log.get(1).get("seq").asLong())
                    .isGreaterThan(log.get(0).get("seq").asLong());
        }
    }
}
