package io.scenicpass.server.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.payments.internal.SimulatedProvider.Behaviour;
import io.scenicpass.server.payments.internal.SimulatedProvider.Delivery;
import io.scenicpass.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Everybody completes the same paid sale at once — the provider's two notifications, devices polling, the device
 * retrying its payment, the payment reconciler, the counter sweep — and the passes are issued exactly once.
 */
class CounterRaceTest extends CounterTestBase {

    @Test
    void racingCompletionsIssueThePassesOnce() throws Exception {
        race(f, 6);
    }

    /** {@code rounds} sales, each completed by everybody at once; asserts one issuance per sale. */
    static void race(CounterFixture f, int rounds) throws Exception {
        TestServer ts = f.ts;
        int before = f.remaining();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (int round = 0; round < rounds; round++) {
                String saleId = f.sell(f.kiosk, "tour-adult", "tour-child");
                f.sim().then(Behaviour.PAY_TWICE);
                String paymentId = f.pay(f.kiosk, saleId, CounterPaymentsTest.NATIVE)
                        .get("payment")
                        .get("id")
                        .asText();
                assertThat(f.sim().visitorPays(paymentId)).isTrue();
                List<Delivery> twice = f.sim().takeNotifications();
                assertThat(twice).hasSize(2);
                ts.clock.advance(Duration.ofMinutes(2)); // due for the reconciler and the sweep
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<Object>> tasks = new ArrayList<>();
                for (Delivery d : twice) {
                    tasks.add(() -> ts.send("POST", "/payments/v1/notify/simulated", null, d.body(), d.headers()));
                }
                for (int i = 0; i < 3; i++) {
                    tasks.add(() -> f.as(f.kiosk, "GET", "/terminal/v1/counter/sales/" + saleId, null));
                }
                tasks.add(() -> f.as(
                        f.kiosk,
                        "POST",
                        "/terminal/v1/counter/sales/" + saleId + "/payment",
                        CounterPaymentsTest.NATIVE));
                tasks.add(() -> ts.server.payments().reconciler.run());
                tasks.add(() -> ts.server.counter().sweep());
                List<Future<Object>> done = new ArrayList<>();
                for (Callable<Object> t : tasks) {
                    done.add(pool.submit(() -> {
                        go.await();
                        return t.call();
                    }));
                }
                go.countDown();
                for (Future<Object> d : done) {
                    Object r = d.get();
                    if (r instanceof TestServer.Answer a) {
                        assertThat(a.status()).as(a.body()).isBetween(200, 204);
                    }
                }
                JsonNode paid = f.sale(f.kiosk, saleId);
                assertThat(paid.get("state").asText()).isEqualTo("PAID");
                assertThat(paid.get("tickets")).hasSize(2);
                assertThat(f.passesOf(paid.get("bookingId").asText()))
                        .as("passes issued in round " + round)
                        .isEqualTo(2);
                assertThat(f.sim().heldFen(paymentId)).isEqualTo(15000);
                assertThat(f.remaining()).isEqualTo(before - 2 * (round + 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
