package io.scenicpass.server.shop.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.tickets.store.ShopRefundStore.RefundRow;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refunds of shop orders on a real server (H2 file, simulated payment provider): whole or some passes, places back,
 * passes revoked, money paid back once however often asked; refused with their reason after the cutoff, for a used
 * pass, for a pass of another order.
 */
class TicketRefundsTest {
    @TempDir
    Path dir;

    @Test
    void wholeOrderIsRefundedOnceWithPlacesBackAndPassesRevoked() {
        try (TestServer ts = TestServer.h2(dir)) {
            ShopOrders shop = new ShopOrders(ts);
            Booking b = shop.order("tour", ShopOrders.SLOT, "tour-adult", "tour-child");
            int left = shop.remaining("tour", ShopOrders.SLOT);
            TicketRefunds refunds = ts.server.tickets().refunds;

            RefundRow r = refunds.refund(b.uuid(), List.of());

            assertThat(r.amountFen()).isEqualTo(15000);
            assertThat(r.state()).isEqualTo("SUCCEEDED");
            assertThat(shop.booking(b.uuid()).status()).isEqualTo(BookingState.CANCELLED);
            assertThat(shop.passes(b.uuid())).allMatch(p -> p.revoked());
            assertThat(shop.remaining("tour", ShopOrders.SLOT)).isEqualTo(left + 2);
            Payment p = shop.payment(b.uuid());
            assertThat(p.refundedFen()).isEqualTo(15000);
            assertThat(p.state()).isEqualTo(Payment.State.REFUNDED);

            // the confirm page submitted twice: the same refund, no second payment refund
            assertThat(refunds.refund(b.uuid(), List.of()).id()).isEqualTo(r.id());
            assertThat(ts.server.payments().payments.refunds(p.id())).hasSize(1);
        }
    }

    @Test
    void theSameRefundAskedEightTimesAtOnceIsMadeAndPaidBackOnce() throws Exception {
        try (TestServer ts = TestServer.h2(dir)) {
            ShopOrders shop = new ShopOrders(ts);
            Booking b = shop.order("tour", ShopOrders.SLOT, "tour-adult", "tour-child");
            TicketRefunds refunds = ts.server.tickets().refunds;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RefundRow>> made = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                made.add(pool.submit(() -> {
                    go.await();
                    return refunds.refund(b.uuid(), List.of());
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<RefundRow> f : made) {
                ids.add(f.get(60, TimeUnit.SECONDS).id());
            }
            pool.shutdown();

            assertThat(ids).hasSize(1);
            assertThat(refunds.of(b.uuid())).hasSize(1);
            Payment p = shop.payment(b.uuid());
            assertThat(p.refundedFen()).isEqualTo(15000);
            assertThat(ts.server.payments().payments.refunds(p.id())).hasSize(1);
        }
    }

    @Test
    void somePassesAreRefundedAndTheOthersStayValid() {
        try (TestServer ts = TestServer.h2(dir)) {
            ShopOrders shop = new ShopOrders(ts);
            Booking b = shop.order("tour", ShopOrders.SLOT, "tour-adult", "tour-child");
            String child = b.unitItems().get(1).passId();
            String adult = b.unitItems().get(0).passId();
            TicketRefunds refunds = ts.server.tickets().refunds;

            RefundRow r = refunds.refund(b.uuid(), List.of(child));

            assertThat(r.amountFen()).isEqualTo(5000);
            assertThat(r.passIds()).containsExactly(child);
            assertThat(shop.revoked(child)).isTrue();
            assertThat(shop.revoked(adult)).isFalse();
            assertThat(shop.booking(b.uuid()).status()).isEqualTo(BookingState.CONFIRMED);
            assertThat(shop.payment(b.uuid()).refundedFen()).isEqualTo(5000);
            assertThat(refunds.refund(b.uuid(), List.of(child)).id()).isEqualTo(r.id()); // a retry

            // then the rest: the whole order is refunded in two steps
            RefundRow rest = refunds.refund(b.uuid(), List.of(adult));
            assertThat(rest.amountFen()).isEqualTo(10000);
            assertThat(shop.payment(b.uuid()).state()).isEqualTo(Payment.State.REFUNDED);
            assertThat(refunds.of(b.uuid())).extracting(RefundRow::id).containsExactly(r.id(), rest.id());
        }
    }

    @Test
    void refusedAfterTheCutoffForAUsedPassAndForAnotherOrdersPass() {
        try (TestServer ts = TestServer.h2(dir)) {
            ShopOrders shop = new ShopOrders(ts);
            Booking b = shop.order("tour", ShopOrders.SLOT, "tour-adult", "tour-child");
            Booking other = shop.order("tour", ShopOrders.SLOT, "tour-adult");
            TicketRefunds refunds = ts.server.tickets().refunds;

            assertThatThrownBy(() -> refunds.refund(
                            b.uuid(), List.of(other.unitItems().get(0).passId())))
                    .isInstanceOfSatisfying(
                            TicketRefusal.class, e -> assertThat(e.code()).isEqualTo(TicketRefusal.Code.BAD_SELECTION));
            assertThatThrownBy(() -> refunds.refund("no-such-order", List.of()))
                    .isInstanceOfSatisfying(
                            TicketRefusal.class,
                            e -> assertThat(e.code()).isEqualTo(TicketRefusal.Code.ORDER_NOT_FOUND));

            // 60 minutes before the 10:00 slot is the cutoff: 09:01 is past it
            ts.clock.set(Instant.parse("2026-06-02T01:01:00Z"));
            assertThatThrownBy(() -> refunds.refund(b.uuid(), List.of()))
                    .isInstanceOfSatisfying(
                            TicketRefusal.class, e -> assertThat(e.code()).isEqualTo(TicketRefusal.Code.CUTOFF_PASSED));
            ts.clock.set(Instant.parse("2026-06-02T00:59:00Z")); // 08:59: still refundable, but one pass is used
            shop.enter(b.unitItems().get(0).passId());
            assertThatThrownBy(() -> refunds.refund(b.uuid(), List.of()))
                    .isInstanceOfSatisfying(
                            TicketRefusal.class, e -> assertThat(e.code()).isEqualTo(TicketRefusal.Code.ALREADY_USED));
            assertThat(shop.payment(b.uuid()).refundedFen()).isZero();
            assertThat(refunds.of(b.uuid())).isEmpty();
        }
    }
}
