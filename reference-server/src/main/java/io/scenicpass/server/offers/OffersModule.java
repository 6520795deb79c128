package io.scenicpass.server.offers;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.offers.http.OffersAdminApi;
import io.scenicpass.server.offers.store.CouponStore;
import io.scenicpass.server.offers.store.OfferStore;
import io.scenicpass.server.offers.store.RedemptionStore;
import io.scenicpass.server.sales.BookingService;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Offers and coupons: the operators' offers ({@link #offers}), pricing of every channel's reservations (set on the
 * booking service), coupons after visits ({@link #coupons}), the admin API and the console page.
 */
public final class OffersModule {
    public final Offers offers;
    public final Coupons coupons;

    private final OfferPricing pricing;
    private final Platform platform;
    private final MutableHub hub = new MutableHub();

    public OffersModule(Platform p, BookingService bookings, VisitorMessages messages, ZoneId zone) {
        platform = p;
        OfferStore store = new OfferStore();
        CouponStore couponStore = new CouponStore();
        offers = new Offers(p.db(), store, p.ids(), p.clock());
        pricing = new OfferPricing(p.db(), store, couponStore, new RedemptionStore(), hub, p.clock());
        coupons = new Coupons(p.db(), store, couponStore, messages, p.random(), p.clock(), zone);
        bookings.discounts(pricing);
    }

    /** Puts offers on the visitor data hub: segment offers, per-visitor limits, coupons at the visitors' exits. */
    public void hub(Hub h) {
        hub.set(h);
        coupons.hub(h);
    }

    public OffersAdminApi api(AdminService admin) {
        return new OffersAdminApi(admin, offers);
    }

    /** The NEXT_MORNING coupons' messages, every job interval, one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "coupons",
                "coupon message runs",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                coupons::sendDue);
    }
}
