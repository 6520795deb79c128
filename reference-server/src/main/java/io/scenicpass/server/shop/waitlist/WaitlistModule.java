package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.waitlist.http.WaitlistAdminApi;
import io.scenicpass.server.shop.waitlist.http.WaitlistPages;
import io.scenicpass.server.shop.waitlist.store.WaitlistStore;
import java.time.Duration;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/** The shop's waiting lists: the visitor's service, the offers (and their job), the operators' view and setting. */
public final class WaitlistModule {
    public final WaitlistSettings settings;
    public final WaitlistOffers offers;
    public final WaitlistService lists;
    public final WaitlistAdmin admin;
    private final Platform platform;

    /**
     * {@code shop}: the shop's sales channel; {@code checkout}: where offers are held as the visitor's orders and
     * paid; {@code messages}: the WAITLIST_OFFER message; {@code maskedVisitor}: a visitor's contact, masked, for operators.
     */
    public WaitlistModule(
            Platform p,
            SalesModule sales,
            Supplier<Channel> shop,
            ShopCheckout checkout,
            VisitorMessages messages,
            LongFunction<String> maskedVisitor) {
        platform = p;
        WaitlistStore store = new WaitlistStore();
        settings = new WaitlistSettings(p.db(), new SettingStore(), p.config().holdMaxMinutes);
        offers = new WaitlistOffers(
                p.db(),
                store,
                sales.inventory,
                sales.bookings,
                shop,
                settings,
                checkout,
                new OfferMessage(messages),
                sales.catalogue,
                p.clock());
        lists = new WaitlistService(
                p.db(),
                store,
                sales.catalogue,
                sales.inventory,
                sales.bookings,
                shop,
                sales.identity.identities,
                offers,
                p.clock());
        admin = new WaitlistAdmin(p.db(), store, maskedVisitor);
    }

    /** The visitor's pages under {@code /shop/waitlist}. */
    public WaitlistPages pages(ShopPages shopPages) {
        return new WaitlistPages(shopPages, lists);
    }

    public WaitlistAdminApi api(AdminService adminService) {
        return new WaitlistAdminApi(adminService, admin, settings);
    }

    /** Offers freed places every job interval, on one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "waitlist-offers",
                "waiting list offer runs",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                offers::run);
    }
}
