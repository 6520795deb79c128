package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL single-statement reservation path: idempotency, refusals, confirm, cancel. */
@Tag("slow")
class OctoPostgresFlowTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("OctoPostgresFlowTest");
    }

    @Test
    void reserveConfirmCancelOnPostgres() {
        try (TestServer ts =
                new TestServer(dir, PostgresServer.get().newDatabase(), new MutableClock(TestServer.START), Map.of())) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 3, false, 60, null);
            String key = ts.channel("ota", 1000, 1000, null);
            String body = TestServer.reserve("pg-1", "tour", SLOT, "tour-adult", "tour-child");
            Answer first = ts.post("/octo/bookings", key, body);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("unitItems")).hasSize(2);
            assertThat(ts.post("/octo/bookings", key, body).json().get("supplierReference"))
                    .isEqualTo(first.json().get("supplierReference"));
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("pg-1", "tour", SLOT, "tour-adult"))
                            .json()
                            .get("error")
                            .asText())
                    .isEqualTo("INVALID_BOOKING_UUID");
            Answer tooMany = ts.post(
                    "/octo/bookings", key, TestServer.reserve("pg-2", "tour", SLOT, "tour-adult", "tour-adult"));
            assertThat(tooMany.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
            assertThat(tooMany.json().get("errorMessage").asText()).contains("sold out");
            assertThat(ts.server
                            .inventory()
                            .findSlot("tour-opt|" + SLOT)
                            .orElseThrow()
                            .held())
                    .isEqualTo(2);
            Answer confirmed = ts.post("/octo/bookings/pg-1/confirm", key, null);
            assertThat(confirmed.json().get("status").asText())
                    .as(confirmed.body())
                    .isEqualTo("CONFIRMED");
            assertThat(confirmed
                            .json()
                            .get("unitItems")
                            .get(1)
                            .get("ticket")
                            .get("deliveryOptions")
                            .get(0)
                            .get("deliveryValue")
                            .asText())
                    .startsWith("SP1");
            assertThat(ts.post("/octo/bookings/pg-1/cancel", key, null)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("CANCELLED");
            var slot = ts.server.inventory().findSlot("tour-opt|" + SLOT).orElseThrow();
            assertThat(slot.held() + slot.sold()).isZero();
            String slotId = ("tour-opt|" + SLOT).replace("|", "%7C").replace("+", "%2B");
            ts.send("PUT", "/admin/v1/slots/" + slotId + "/closed", TestServer.ADMIN, "{\"closed\":true}", Map.of());
            assertThat(ts.post("/octo/bookings", key, TestServer.reserve("pg-3", "tour", SLOT, "tour-adult"))
                            .json()
                            .get("errorMessage")
                            .asText())
                    .contains("closed");
        }
    }
}
