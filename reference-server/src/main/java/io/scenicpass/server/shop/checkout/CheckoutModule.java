package io.scenicpass.server.shop.checkout;

import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.shop.catalogue.ShopCatalogue;
import io.scenicpass.server.shop.catalogue.http.CataloguePages;
import io.scenicpass.server.shop.checkout.http.CheckoutPages;
import io.scenicpass.server.shop.checkout.store.CheckoutStore;
import io.scenicpass.server.shop.travellers.Travellers;
import io.scenicpass.server.shop.travellers.http.TravellerPages;
import java.time.Duration;

/** The shop's selling path: its channel, the visitors' saved travellers, checkout and completion of paid orders. */
public final class CheckoutModule {
    /** How long an open order rests between two visits of the sweep. */
    public static final Duration SWEEP_QUIET = Duration.ofSeconds(30);

    public final ShopChannel channel;
    public final Travellers travellers;
    public final ShopCheckout checkout;
    /** What the shop's pages show: products, prices, calendar, slots with their traffic light. */
    public final ShopCatalogue catalogue;

    private final CheckoutCompletion completion;
    private final Platform platform;
    private final PaymentsModule payments;
    private volatile io.scenicpass.server.shop.ShopModule shop;

    public CheckoutModule(Platform p, SalesModule sales, ChannelService channels, PaymentsModule payments) {
        platform = p;
        this.payments = payments;
        CheckoutStore store = new CheckoutStore();
        channel = new ShopChannel(channels);
        channel.get(); // seeded at start: operators see it (and may price it) before the first order
        travellers = new Travellers(p.db(), sales.identity.keys, p.ids(), p.clock());
        completion = new CheckoutCompletion(p.db(), store, sales.bookings, payments.payments, channel, p.clock());
        payments.payments.onPaid(completion::paid);
        checkout = new ShopCheckout(
                p.db(),
                store,
                sales.bookings,
                payments.payments,
                travellers,
                sales.catalogue,
                sales.identity.identities,
                channel,
                completion,
                p.ids(),
                p.clock());
        catalogue = new ShopCatalogue(
                p.db(),
                sales.catalogue,
                sales.inventory,
                sales.content.content,
                sales.identity.identities,
                ShopChannel.ID,
                p.clock());
    }

    /** The park's notices of a day, as "title: body" in a language, shown on the home and product pages. */
    private java.util.function.BiFunction<java.time.LocalDate, String, java.util.List<String>> notices =
            (day, lang) -> java.util.List.of();

    /** Where the home and product pages find the park's notices (the park module's {@code Notices}). */
    public void notices(java.util.function.BiFunction<java.time.LocalDate, String, java.util.List<String>> n) {
        notices = n;
    }

    /** Puts the checkout on the shop's accounts: orders linked to their visitor ({@code shop_order}), the pages' frame. */
    public void withShop(io.scenicpass.server.shop.ShopModule s) {
        shop = s;
        checkout.orderLinks((c, bookingId, visitorId) ->
                s.orders.link(c, bookingId, visitorId, platform.clock().millis()));
    }

    /**
     * The selling pages: home, product, saved travellers, checkout and pay. {@code shop.simulatedCashier=true} (the
     * demo) shows the simulated provider's cashier button on the pay page.
     */
    public void register(io.javalin.config.RoutesConfig r) {
        boolean simulated = Boolean.parseBoolean(platform.config().web.getOrDefault("shop.simulatedCashier", "false"));
        CataloguePages cataloguePages = new CataloguePages(shop.pages, catalogue);
        cataloguePages.notices(notices);
        cataloguePages.register(r);
        new TravellerPages(shop.pages, travellers).register(r);
        new CheckoutPages(shop.pages, catalogue, checkout, travellers, payments, simulated).register(r);
    }

    /** Settles the open orders nobody looked at (expired holds, late payments, interrupted confirmations) once. */
    public int sweep() {
        return completion.sweep(SWEEP_QUIET);
    }

    /** The sweep: one node at a time, every job interval. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "shop-sweep",
                "shop order sweeps",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                this::sweep);
    }
}
