package io.scenicpass.server.shop.tickets;

import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.SalesModule;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** "My tickets" of the shop: the visitor's orders, their QR codes offline, .ics, refunds and date changes. */
public final class TicketsModule {
    public final TicketRules rules;
    public final TicketRefunds refunds;
    public final DateChanges changes;
    public final OrderViews views;

    /** {@code channel}: the shop's channel; {@code paymentOf}: the payment that paid a booking (by its uuid). */
    public TicketsModule(
            Platform p,
            SalesModule sales,
            PaymentService payments,
            Supplier<Channel> channel,
            Function<String, Optional<Payment>> paymentOf) {
        rules = new TicketRules(p.db(), sales.bookings, channel);
        refunds = new TicketRefunds(
                p.db(), rules, sales.passCancellation, payments, paymentOf, channel, p.ids(), p.clock());
        changes = new DateChanges(rules, sales.bookings, sales.catalogue, sales.inventory, channel, p.clock());
        views = new OrderViews(p.db(), rules, sales.content.content, sales.identity.identities, p.clock());
    }

    /** The paid (or partly refunded) payment whose order reference is the booking's uuid. */
    public static Function<String, Optional<Payment>> byOrderRef(PaymentService payments) {
        return uuid -> payments.list(uuid, null, 20).stream()
                .filter(x -> x.state() == Payment.State.SUCCEEDED || x.state() == Payment.State.REFUNDED)
                .findFirst();
    }

    /** Refunds the provider has not settled are asked again, one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton("shop-refund-retry", "shop refund retries", Duration.ofMinutes(1), refunds::retryUnsettled);
    }
}
