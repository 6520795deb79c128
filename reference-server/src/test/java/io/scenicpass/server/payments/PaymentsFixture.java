package io.scenicpass.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.Ids;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.payments.store.PaymentStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A payment service on a real database with the simulated provider and a mutable clock; paid-listener calls kept. */
final class PaymentsFixture implements AutoCloseable {
    final MutableClock clock = new MutableClock(TestServer.START);
    final Database db;
    final SimulatedProvider sim;
    final PaymentService payments;
    final PaymentReconciler reconciler;
    final List<String> paid = java.util.Collections.synchronizedList(new ArrayList<>());

    PaymentsFixture(String url, String user) {
        db = new Database(url, user, "", 8);
        SecureRandom random = new SecureRandom();
        sim = new SimulatedProvider(clock, random);
        PaymentProviders providers = new PaymentProviders(sim);
        PaymentStore store = new PaymentStore();
        payments = new PaymentService(db, store, providers, clock, new Ids(clock, random), PaymentsModule.EXPIRY);
        payments.onPaid(p -> paid.add(p.id()));
        reconciler = new PaymentReconciler(db, store, payments, providers, clock, PaymentsModule.RECHECK);
    }

    static PaymentsFixture h2(Path dir) {
        return new PaymentsFixture(
                "jdbc:h2:file:" + dir.resolve("db")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa");
    }

    /**
     * Many threads deliver the same success notification and query the provider at once, on several payments:
     * each payment is completed exactly once (one paid-listener call), whoever wins.
     */
    static void raceCompletions(PaymentsFixture f) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                f.sim.then(SimulatedProvider.Behaviour.PAY_TWICE);
                Payment p = f.payments.startNative("race-" + round, Money.cny(100), null);
                assertThat(f.sim.visitorPays(p.id())).isTrue();
                List<SimulatedProvider.Delivery> twice = f.sim.takeNotifications();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Payment>> done = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    SimulatedProvider.Delivery d = twice.get(i % 2);
                    boolean query = i % 4 == 3;
                    Callable<Payment> task = () -> {
                        go.await();
                        return query
                                ? f.payments.refresh(p.id())
                                : f.payments.notification("simulated", d.headers(), d.body());
                    };
                    done.add(pool.submit(task));
                }
                go.countDown();
                for (Future<Payment> d : done) {
                    assertThat(d.get().state()).isEqualTo(Payment.State.SUCCEEDED);
                }
                assertThat(f.paid).filteredOn(p.id()::equals).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
