package io.scenicpass.server.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.payments.Payment.State;
import io.scenicpass.server.payments.internal.SimulatedProvider.Behaviour;
import io.scenicpass.server.payments.internal.SimulatedProvider.Delivery;
import io.scenicpass.server.payments.store.PaymentStore.CallRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payment service on H2 with the simulated provider: idempotency, completion once, reconciliation, refunds. */
class PaymentServiceTest {
    static final String CODE = "134567890123456789";

    @TempDir
    Path dir;

    PaymentsFixture f;

    @BeforeEach
    void open() {
        f = PaymentsFixture.h2(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aRetriedCodePaymentReturnsTheSamePaymentAndChargesOnce() {
        Payment first = f.payments.payByCode("order-1", Money.cny(12_000), "2 adults", CODE);
        Payment again = f.payments.payByCode("order-1", Money.cny(12_000), "2 adults", CODE);

        assertThat(first.state()).isEqualTo(State.SUCCEEDED);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.state()).isEqualTo(State.SUCCEEDED);
        assertThat(f.sim.charges()).isEqualTo(1);
        assertThat(f.paid).containsExactly(first.id());
        assertThat(f.payments.list("order-1", null, 10)).hasSize(1);
    }

    @Test
    void anOrderCannotBePaidAgainWithAnotherAmountOrMethod() {
        Payment p = f.payments.payByCode("order-2", Money.cny(5_000), null, CODE);

        assertThatThrownBy(() -> f.payments.payByCode("order-2", Money.cny(5_001), null, CODE))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.CONFLICT);
                    assertThat(e.offendingId()).isEqualTo(p.id());
                });
        assertThatThrownBy(() -> f.payments.startNative("order-2", Money.cny(5_000), null))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThat(f.sim.charges()).isEqualTo(1);
    }

    @Test
    void badInputIsATypedError() {
        assertThatThrownBy(() -> f.payments.payByCode("order 3", Money.cny(1), null, CODE))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
        assertThatThrownBy(() -> f.payments.payByCode("o3", Money.cny(0), null, CODE))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
        assertThatThrownBy(() -> f.payments.payByCode("o3", Money.cny(1), null, "12ab"))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
        assertThatThrownBy(() -> new Money(1, "yuan"))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST));
    }

    @Test
    void aDeclinedPaymentFailsAndTheOrderMayBePaidAgain() {
        f.sim.then(Behaviour.DECLINE);
        Payment declined = f.payments.payByCode("order-4", Money.cny(3_000), null, CODE);
        Payment second = f.payments.payByCode("order-4", Money.cny(3_000), null, CODE);

        assertThat(declined.state()).isEqualTo(State.FAILED);
        assertThat(declined.failureCode()).isEqualTo("NOT_ENOUGH");
        assertThat(second.id()).isNotEqualTo(declined.id());
        assertThat(second.state()).isEqualTo(State.SUCCEEDED);
        assertThat(f.paid).containsExactly(second.id());
    }

    @Test
    void aTimedOutCodePaymentThatSucceedsLaterIsCompletedByTheReconciler() {
        f.sim.then(Behaviour.TIMEOUT);
        Payment p = f.payments.payByCode("order-5", Money.cny(8_000), null, CODE);
        assertThat(p.state()).isEqualTo(State.PENDING);

        f.clock.advance(PaymentsModule.RECHECK);
        f.reconciler.run(); // asked: the visitor is still confirming
        assertThat(f.payments.get(p.id()).state()).isEqualTo(State.PENDING);
        assertThat(f.paid).isEmpty();

        f.clock.advance(Duration.ofMinutes(2));
        f.reconciler.run();
        assertThat(f.payments.get(p.id()).state()).isEqualTo(State.SUCCEEDED);
        assertThat(f.paid).containsExactly(p.id());
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(f.reconciler.run()).isZero(); // settled: no longer asked about
        assertThat(f.payments.calls(p.id()))
                .extracting(CallRow::operation)
                .containsExactly("CODE_PAY", "QUERY", "QUERY");
    }

    @Test
    void aNativePaymentPaidAfterTheKioskGaveUpIsRefundedNeverLost() {
        f.sim.then(Behaviour.TIMEOUT); // the answer to "start" is lost, and so is the notification
        Payment p = f.payments.startNative("order-6", Money.cny(6_000), null);
        assertThat(p.codeUrl()).isNull();
        Payment retried = f.payments.startNative("order-6", Money.cny(6_000), null);
        assertThat(retried.id()).isEqualTo(p.id());
        assertThat(retried.codeUrl()).isEqualTo("weixin://sim/" + p.id());
        assertThat(f.sim.visitorPays(p.id())).isTrue();

        Payment abandoned = f.payments.abandon(p.id()); // the kiosk gave up; closing fails: already paid
        assertThat(abandoned.state()).isEqualTo(State.ABANDONED);

        f.clock.advance(PaymentsModule.RECHECK);
        f.reconciler.run();
        Payment after = f.payments.get(p.id());
        assertThat(after.state()).isEqualTo(State.REFUNDED);
        assertThat(after.refundedFen()).isEqualTo(6_000);
        assertThat(f.sim.heldFen(p.id())).isZero();
        assertThat(f.paid).isEmpty(); // no order issued for it
    }

    @Test
    void aTimedOutCodePaymentAbandonedIsReversedAtTheProvider() {
        f.sim.then(Behaviour.TIMEOUT);
        Payment p = f.payments.payByCode("order-7", Money.cny(2_000), null, CODE);

        Payment abandoned = f.payments.abandon(p.id());
        f.clock.advance(Duration.ofMinutes(5));
        f.reconciler.run();

        assertThat(abandoned.state()).isEqualTo(State.FAILED);
        assertThat(abandoned.failureCode()).isEqualTo("CANCELLED");
        assertThat(f.payments.get(p.id()).state()).isEqualTo(State.FAILED);
        assertThat(f.sim.heldFen(p.id())).isZero();
        assertThat(f.paid).isEmpty();
    }

    @Test
    void anUnpaidNativePaymentExpiresAndIsClosed() {
        Payment p = f.payments.startNative("order-8", Money.cny(1_000), null);
        f.clock.advance(PaymentsModule.EXPIRY);
        f.reconciler.run();

        assertThat(f.payments.get(p.id()).state()).isEqualTo(State.FAILED);
        assertThat(f.payments.get(p.id()).failureCode()).isEqualTo("EXPIRED");
        assertThat(f.sim.visitorPays(p.id())).isFalse(); // closed: the QR no longer pays
    }

    @Test
    void paidTwiceIsCompletedOnceAndDuplicateNotificationsChangeNothing() {
        f.sim.then(Behaviour.PAY_TWICE);
        Payment p = f.payments.payByCode("order-9", Money.cny(4_500), null, CODE);
        List<Delivery> twice = f.sim.takeNotifications();
        assertThat(twice).hasSize(2);
        for (Delivery d : twice) {
            assertThat(f.payments
                            .notification("simulated", d.headers(), d.body())
                            .state())
                    .isEqualTo(State.SUCCEEDED);
        }
        assertThat(f.paid).containsExactly(p.id());
        assertThat(f.payments.calls(p.id()))
                .extracting(CallRow::operation)
                .containsExactly("CODE_PAY", "NOTIFY", "NOTIFY");
    }

    @Test
    void aForgedOrStaleNotificationIsRefused() {
        Payment p = f.payments.startNative("order-10", Money.cny(900), null);
        f.sim.visitorPays(p.id());
        Delivery d = f.sim.takeNotifications().get(0);

        assertThatThrownBy(() -> f.payments.notification(
                        "simulated", d.headers(), d.body().replace("900", "1")))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHORIZED));
        Map<String, String> noSignature = new HashMap<>(d.headers());
        noSignature.remove("x-sim-signature");
        assertThatThrownBy(() -> f.payments.notification("simulated", noSignature, d.body()))
                .isInstanceOf(ServiceException.class);
        f.clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> f.payments.notification("simulated", d.headers(), d.body()))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHORIZED));
        assertThat(f.payments.get(p.id()).state()).isEqualTo(State.PENDING);
    }

    @Test
    void aNativePaymentIsCompletedByItsNotification() {
        Payment p = f.payments.startNative("order-11", Money.cny(7_700), "cable car");
        assertThat(p.codeUrl()).isEqualTo("weixin://sim/" + p.id());
        assertThat(f.payments.startNative("order-11", Money.cny(7_700), "cable car"))
                .isEqualTo(p);

        f.sim.visitorPays(p.id());
        Delivery d = f.sim.takeNotifications().get(0);
        Payment paid = f.payments.notification("simulated", d.headers(), d.body());

        assertThat(paid.state()).isEqualTo(State.SUCCEEDED);
        assertThat(paid.providerTx()).isEqualTo("SIM" + p.id());
        assertThat(f.paid).containsExactly(p.id());
    }

    @Test
    void refundsArePartialOrFullAndNeverExceedWhatWasPaid() {
        Payment p = f.payments.payByCode("order-12", Money.cny(10_000), null, CODE);

        Payment part = f.payments.refund(p.id(), 3_000, "one child ticket");
        assertThat(part.state()).isEqualTo(State.SUCCEEDED);
        assertThat(part.refundedFen()).isEqualTo(3_000);
        assertThatThrownBy(() -> f.payments.refund(p.id(), 7_001, "too much"))
                .isInstanceOfSatisfying(
                        ServiceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNPROCESSABLE_ENTITY));
        Payment rest = f.payments.refund(p.id(), 7_000, "the rest");

        assertThat(rest.state()).isEqualTo(State.REFUNDED);
        assertThat(f.sim.heldFen(p.id())).isZero();
        assertThat(f.payments.refunds(p.id()))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo("SUCCEEDED"));
        assertThatThrownBy(() -> f.payments.refund(p.id(), 1, null)).isInstanceOf(ServiceException.class);
    }

    @Test
    void concurrentCompletionsCompleteEachPaymentOnce() throws Exception {
        PaymentsFixture.raceCompletions(f);
    }

    @Test
    void theAuditTrailHoldsNoPaymentCode() {
        Payment p = f.payments.payByCode("order-13", Money.cny(100), null, CODE);
        String dump = f.db.read(c -> {
            StringBuilder all = new StringBuilder();
            for (String table : List.of("payment", "payment_call", "payment_refund")) {
                try (var rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            all.append(rs.getString(i)).append(' ');
                        }
                    }
                }
            }
            return all.toString();
        });
        assertThat(dump).contains(p.id()).doesNotContain(CODE);
    }
}
