package io.scenicpass.server.shop.tickets;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.shop.ShopModule;
import io.scenicpass.server.shop.checkout.CheckoutModule;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.checkout.store.CheckoutStore;
import io.scenicpass.server.shop.tickets.http.TicketAssets;
import io.scenicpass.server.shop.tickets.http.TicketModels;
import io.scenicpass.server.shop.tickets.http.TicketPages;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** "My tickets" of the shop: the visitor's orders, their QR codes offline, .ics, refunds and date changes. */
public final class TicketsModule {
    public final TicketRules rules;
    public final TicketRefunds refunds;
    public final DateChanges changes;
    public final OrderViews views;
    private final TicketPages pages;
    private volatile BiFunction<String, String, List<TicketModels.AnnualRow>> annual = (uuid, lang) -> List.of();

    /** Over the shop's checkout ({@code shop}: its channel, the payments of its orders). */
    public TicketsModule(
            Platform p, SalesModule sales, PaymentService payments, CheckoutModule checkout, ShopModule shop) {
        Supplier<Channel> channel = checkout.channel::get;
        Function<String, Optional<Payment>> paymentOf = paidCheckout(p.db(), payments);
        rules = new TicketRules(p.db(), sales.bookings, channel);
        refunds = new TicketRefunds(
                p.db(), rules, sales.passCancellation, payments, paymentOf, channel, p.ids(), p.clock());
        changes = new DateChanges(rules, sales.bookings, sales.catalogue, sales.inventory, channel, p.clock());
        views = new OrderViews(p.db(), rules, sales.content.content, sales.identity.identities, p.clock());
        String url = p.config().publicUrl;
        pages = new TicketPages(shop.pages, shop.orders, p.db(), this, () -> url != null ? url : "", p.clock());
    }

    /** Sets what lists an order's annual passes (the shop's activation: {@code shop/activation}). */
    public void annualPasses(BiFunction<String, String, List<TicketModels.AnnualRow>> rows) {
        this.annual = rows;
    }

    /** The annual passes of the order {@code uuid}, texts in {@code lang} (none without the activation module). */
    public List<TicketModels.AnnualRow> annual(String uuid, String lang) {
        return annual.apply(uuid, lang);
    }

    /** The pages of "My tickets" and the files that keep them offline. */
    public void register(RoutesConfig r) {
        pages.register(r);
        new TicketAssets().register(r);
    }

    /** The payment that paid the shop checkout whose booking is {@code uuid} (paid, or partly or fully refunded). */
    static Function<String, Optional<Payment>> paidCheckout(Database db, PaymentService payments) {
        CheckoutStore store = new CheckoutStore();
        String prefix = ShopCheckout.bookingUuid("");
        return uuid -> (uuid.startsWith(prefix)
                        ? db.read(c -> store.find(c, uuid.substring(prefix.length())))
                        : Optional.<CheckoutStore.CheckoutRow>empty())
                .map(CheckoutStore.CheckoutRow::paymentId)
                .map(payments::get)
                .filter(x -> x.state() == Payment.State.SUCCEEDED || x.state() == Payment.State.REFUNDED);
    }

    /** Refunds the provider has not settled are asked again, one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton("shop-refund-retry", "shop refund retries", Duration.ofMinutes(1), refunds::retryUnsettled);
    }
}
