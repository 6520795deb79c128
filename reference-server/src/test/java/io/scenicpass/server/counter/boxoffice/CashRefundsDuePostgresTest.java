package io.scenicpass.server.counter.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A cash refund due (made on the console) is paid out once on PostgreSQL, however two box offices on two server nodes
 * race for it: one payout succeeds, the other box office gets 409 ALREADY_PAID_OUT, and only the winner's drawer
 * expects less cash.
 */
@Tag("slow")
class CashRefundsDuePostgresTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.assumeAvailable("CashRefundsDuePostgresTest");
    }

    @Test
    void twoBoxOfficesRacingPayACashRefundDueOutOnce() throws Exception {
        String url = PostgresServer.get().newDatabase();
        MutableClock clock = new MutableClock(TestServer.START);
        try (TestServer a = new TestServer(dir, url, clock, Map.of());
                TestServer b = new TestServer(dir, url, clock, Map.of())) {
            BoxOfficeFixture box = new BoxOfficeFixture(a);
            box.cashier("wang", "CASHIER", "4711");
            box.cashier("zhao", "CASHIER", "2468");
            String one = box.counter.boxOffice;
            String two = box.counter.enroll("BOX_OFFICE");
            String shiftOne =
                    box.openShift(one, "wang", "4711", 20_000).get("shiftId").asText();
            String shiftTwo =
                    box.openShift(two, "zhao", "2468", 20_000).get("shiftId").asText();
            for (int round = 0; round < 5; round++) {
                String sale = box.sell(one, shiftOne, "tour-adult");
                box.counter.pay(one, sale, "{\"method\":\"CASH\"}");
                TestServer.Answer refunded = a.post(
                        "/admin/v1/counter/sales/" + sale + "/refund", TestServer.ADMIN, "{\"reason\":\"storm\"}");
                assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
                String refund = refunded.json().get("refund").get("id").asText();
                String path = "/terminal/v1/counter/refunds-due/" + refund + "/pay-out";

                List<CompletableFuture<TestServer.Answer>> race = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    TestServer node = i % 2 == 0 ? a : b;
                    String device = i < 2 ? one : two;
                    String shift = i < 2 ? shiftOne : shiftTwo;
                    race.add(CompletableFuture.supplyAsync(() -> node.send(
                            "POST",
                            path,
                            null,
                            "{\"shiftId\":\"" + shift + "\"}",
                            Map.of("Authorization", "Device " + device))));
                }
                List<String> payers = new ArrayList<>();
                int refused = 0;
                for (CompletableFuture<TestServer.Answer> f : race) {
                    TestServer.Answer r = f.get();
                    if (r.status() == 200) {
                        payers.add(r.json().get("shiftId").asText());
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(409);
                        assertThat(r.json().get("code").asText()).isEqualTo("ALREADY_PAID_OUT");
                        refused++;
                    }
                }
                // one shift paid it (its device's two requests both answer the payout), the other is refused twice
                assertThat(payers).hasSize(2).containsOnly(payers.get(0));
                assertThat(refused).isEqualTo(2);
            }
            long expectedOne = box.as(one, "GET", "/terminal/v1/counter/shifts/current", null)
                    .json()
                    .get("expectedCashFen")
                    .asLong();
            long expectedTwo = box.as(two, "GET", "/terminal/v1/counter/shifts/current", null)
                    .json()
                    .get("expectedCashFen")
                    .asLong();
            // 5 sales of 100 yuan in drawer one, 5 payouts of 100 yuan shared between the two drawers
            assertThat(expectedOne + expectedTwo).isEqualTo(40_000 + 50_000 - 50_000);
            assertThat(a.get("/admin/v1/counter/refunds-due", TestServer.ADMIN).json())
                    .isEmpty();
        }
    }
}
