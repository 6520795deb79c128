package io.scenicpass.server.shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentProvider.Payer;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.payments.internal.SimulatedProvider.Behaviour;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import io.scenicpass.server.shop.checkout.ShopCheckout.Line;
import io.scenicpass.server.shop.checkout.ShopCheckout.Order;
import io.scenicpass.server.shop.checkout.http.ShopErrors;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import io.scenicpass.server.shop.store.ShopOrderStore;
import io.scenicpass.server.shop.travellers.Travellers;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's checkout on a real server (H2 file database, simulated provider, mutable clock): a hold with saved
 * travellers, an H5 payment, confirmation and issuance exactly once however many callbacks race; holds that expire
 * give places back and a payment after expiry is refunded; a declined payment may be paid again without a second
 * charge; per-document limits are refused before anything is paid.
 */
class ShopCheckoutTest {
    static final String SLOT = "rn-opt|" + IdentityFixture.SLOT;
    static final String ADULT_ID = IdentityFixture.cnId("19800101", "555");
    static final String CHILD_ID = IdentityFixture.cnId("20150101", "556");
    static final Payer PHONE = new Payer("203.0.113.7", null);

    @TempDir
    Path dir;

    TestServer ts;
    ShopCheckout checkout;
    Travellers travellers;
    SimulatedProvider sim;
    String adult;
    String child;
    long me;
    long other;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        IdentityFixture.product(ts, "rn", false);
        TestServer.Answer policy = ts.send(
                "PUT",
                "/admin/v1/identity/products/rn/policy",
                TestServer.ADMIN,
                "{\"realName\":\"EVERY_VISITOR\",\"dailyLimit\":1,\"limitScope\":\"PRODUCT\"}",
                Map.of());
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        me = visitor("a");
        other = visitor("b");
        checkout = ts.server.shopBook().checkout;
        travellers = ts.server.shopBook().travellers;
        sim = ts.server.payments().simulated;
        adult = travellers
                .add(me, new IdentityInput("CN_ID", ADULT_ID, "张三", null))
                .id();
        child = travellers
                .add(me, new IdentityInput("CN_ID", CHILD_ID, "张小", null))
                .id();
    }

    /** A shop visitor as sign-in makes one (orders are linked to it in shop_order). */
    long visitor(String hash) {
        return ts.server.database().tx(c -> new ShopVisitorStore().insert(c, hash, "EMAIL", "x", "zh-CN", 0));
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    Order order(String ref) {
        return new Order(ref, "rn", SLOT, List.of(new Line("rn-adult", adult), new Line("rn-child", child)));
    }

    /** Places left in {@link #SLOT} now. */
    int remaining() {
        var pv = ts.server.catalogue().product("rn", ShopChannel.ID);
        return ts.server
                .inventory()
                .slot(pv.product(), pv.option("rn-opt").option(), IdentityFixture.SLOT, ShopChannel.ID)
                .orElseThrow()
                .vacancies();
    }

    @Test
    void theShopChannelIsSeededAtStart() {
        assertThat(ts.server.channels().find(ShopChannel.ID)).isPresent();
    }

    @Test
    void concurrentPaidCallbacksConfirmAndIssueExactlyOnce() throws Exception {
        String ref = checkout.newRef();
        CheckoutRow held = checkout.hold(me, order(ref));
        assertThat(checkout.hold(me, order(ref)).bookingId()).isEqualTo(held.bookingId()); // the form posted twice
        java.util.Optional<Long> owner =
                ts.server.database().read(c -> new ShopOrderStore().owner(c, held.bookingId()));
        assertThat(owner).contains(me); // shop_order written with the hold
        sim.then(Behaviour.PAY_TWICE);
        Payment p = checkout.pay(me, ref, PHONE, false);
        assertThat(p.method().name()).isEqualTo("H5");
        assertThat(p.codeUrl()).startsWith("https://pay.simulated.invalid/h5/");
        assertThat(checkout.pay(me, ref, PHONE, false).id()).isEqualTo(p.id()); // reload, second tab, back button

        assertThat(sim.visitorPays(p.id())).isTrue();
        List<SimulatedProvider.Delivery> twice = sim.takeNotifications();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                go.await();
                if (n % 3 == 2) {
                    return checkout.get(me, ref); // the pay page polling
                }
                SimulatedProvider.Delivery d = twice.get(n % 2);
                return ts.server.payments().payments.notification("simulated", d.headers(), d.body());
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        CheckoutRow paid = checkout.get(me, ref);
        assertThat(paid.state()).isEqualTo(SaleState.PAID);
        Booking b = checkout.booking(paid);
        assertThat(b.status()).isEqualTo(BookingState.CONFIRMED);
        assertThat(b.unitItems()).allSatisfy(i -> assertThat(i.passId()).isNotNull());
        assertThat(sim.charges()).isEqualTo(1);
        assertThat(ts.server.payments().payments.list(CheckoutCompletion.orderRef(ref), null, 10))
                .hasSize(1)
                .allSatisfy(x -> assertThat(x.refundedFen()).isZero());
        assertThat(checkout.pay(me, ref, PHONE, false)).isNull(); // paid: nothing more to pay
    }

    @Test
    void anExpiredHoldGivesItsPlacesBackAndALatePaymentIsRefunded() {
        int before = remaining();
        String ref = checkout.newRef();
        checkout.hold(me, order(ref));
        assertThat(remaining()).isEqualTo(before - 2);
        Payment p = checkout.pay(me, ref, PHONE, false);
        assertThat(sim.visitorPays(p.id())).isTrue(); // paid at the cashier, but the notification is lost
        sim.takeNotifications();
        ts.clock.advance(Duration.ofHours(2));
        assertThat(ts.server.shopBook().sweep()).isEqualTo(1);
        // the sweep ended the order and gave its payment up (the provider cannot close it: it was paid)
        assertThat(ts.server.payments().payments.get(p.id()).state()).isEqualTo(Payment.State.ABANDONED);
        assertThat(checkout.get(me, ref).state()).isEqualTo(SaleState.EXPIRED);
        assertThat(remaining()).isEqualTo(before);
        // the documents' daily limit is free again too
        assertThat(checkout.hold(me, order(checkout.newRef())).state()).isEqualTo(SaleState.AWAITING_PAYMENT);

        ts.clock.advance(Duration.ofMinutes(2));
        ts.server.payments().reconciler.run(); // finds the late success: refunded, never kept
        assertThat(ts.server.payments().payments.get(p.id()).state()).isIn(Payment.State.LATE, Payment.State.REFUNDED);
        assertThat(sim.heldFen(p.id())).isZero();
        assertThat(checkout.get(me, ref).state()).isEqualTo(SaleState.EXPIRED);
    }

    @Test
    void aDeclinedPaymentMayBePaidAgainWithoutASecondCharge() {
        String ref = checkout.newRef();
        checkout.hold(me, order(ref));
        sim.then(Behaviour.DECLINE);
        Payment first = checkout.pay(me, ref, PHONE, false);
        assertThat(sim.visitorPays(first.id())).isFalse();

        Payment second = checkout.pay(me, ref, PHONE, true);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(ts.server.payments().payments.get(first.id()).state()).isEqualTo(Payment.State.FAILED);
        assertThat(sim.visitorPays(second.id())).isTrue();
        for (SimulatedProvider.Delivery d : sim.takeNotifications()) {
            ts.server.payments().payments.notification("simulated", d.headers(), d.body());
        }
        assertThat(checkout.get(me, ref).state()).isEqualTo(SaleState.PAID);
        assertThat(sim.charges()).isEqualTo(1);
    }

    @Test
    void perDocumentLimitsAndOtherVisitorsAreRefusedBeforeAnythingIsPaid() {
        String ref = checkout.newRef();
        checkout.hold(me, order(ref));
        assertThatThrownBy(() -> checkout.hold(me, order(checkout.newRef())))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    ShopErrors err = ShopErrors.of(e); // the page's code and arguments: visitor 1, limit 1
                    assertThat(err.code()).isEqualTo("DOCUMENT_LIMIT");
                    assertThat(err.args()).containsExactly("1", "1");
                });
        assertThatThrownBy(() -> checkout.hold(
                        me, new Order(checkout.newRef(), "rn", SLOT, List.of(new Line("rn-child", null)))))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> assertThat(ShopErrors.of(e).code()).isEqualTo("TRAVELLER_REQUIRED"));
        assertThatThrownBy(() -> checkout.hold(
                        me, new Order(checkout.newRef(), "rn", SLOT, List.of(new Line("rn-child", adult)))))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> assertThat(ShopErrors.of(e).code()).isEqualTo("AGE"));
        assertThatThrownBy(() -> checkout.get(other, ref)).hasMessageContaining("no such order");
        assertThatThrownBy(() -> checkout.hold(
                        other, new Order(checkout.newRef(), "rn", SLOT, List.of(new Line("rn-adult", adult)))))
                .hasMessageContaining("no such traveller");
        assertThat(checkout.cancel(me, ref).state()).isEqualTo(SaleState.CANCELLED);
        assertThat(checkout.hold(me, order(checkout.newRef())).state()).isEqualTo(SaleState.AWAITING_PAYMENT);
    }
}
