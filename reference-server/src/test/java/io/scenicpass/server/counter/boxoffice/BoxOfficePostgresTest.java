package io.scenicpass.server.counter.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PostgresServer;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box office on PostgreSQL (production mode), two nodes on one database: one open shift per device however many
 * opens race on both nodes, a cash sale and a refund on one node, the close and the operator's report on the other.
 */
@Tag("slow")
class BoxOfficePostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("BoxOfficePostgresTest");
    }

    @Test
    void oneOpenShiftPerDeviceAndItsCashUpAcrossNodes() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            BoxOfficeFixture box = new BoxOfficeFixture(a);
            box.cashier("wang", "CASHIER", "4711");
            String device = box.counter.boxOffice;

            List<CompletableFuture<TestServer.Answer>> opens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TestServer node = i % 2 == 0 ? a : b;
                opens.add(CompletableFuture.supplyAsync(() -> node.send(
                        "POST",
                        "/terminal/v1/counter/shifts",
                        null,
                        "{\"cashierId\":\"wang\",\"pin\":\"4711\",\"openingFloatFen\":1000}",
                        Map.of("Authorization", "Device " + device))));
            }
            List<Integer> statuses = new ArrayList<>();
            String shift = null;
            for (CompletableFuture<TestServer.Answer> f : opens) {
                TestServer.Answer r = f.get();
                statuses.add(r.status());
                if (r.status() == 201) {
                    shift = r.json().get("shiftId").asText();
                } else {
                    assertThat(r.json().get("code").asText()).isEqualTo("SHIFT_ALREADY_OPEN");
                }
            }
            assertThat(statuses)
                    .containsOnly(201, 409)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);

            String sale = box.sell(device, shift, "tour-adult", "tour-child");
            JsonNode paid = box.counter.pay(device, sale, "{\"method\":\"CASH\"}");
            String child = paid.get("tickets").get(1).get("passId").asText();
            TestServer.Answer refund = box.refund(
                    device, sale, "{\"shiftId\":\"" + shift + "\",\"reason\":\"r\",\"passIds\":[\"" + child + "\"]}");
            assertThat(refund.status()).as(refund.body()).isEqualTo(200);

            TestServer.Answer closed = b.send(
                    "POST",
                    "/terminal/v1/counter/shifts/" + shift + "/close",
                    null,
                    "{\"countedCashFen\":11000}",
                    Map.of("Authorization", "Device " + device));
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            assertThat(closed.json().get("expectedCashFen").asLong()).isEqualTo(1000 + 15_000 - 5_000);
            assertThat(closed.json().get("differenceFen").asLong()).isZero();
            assertThat(closed.json().get("reconciliation").get("checked").asBoolean())
                    .isFalse();
            JsonNode listed =
                    a.get("/admin/v1/counter/shifts?limit=10", TestServer.ADMIN).json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0)).isEqualTo(closed.json());
        }
    }
}
