package io.scenicpass.server.sales.http;

import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.OfferComparison;
import io.scenicpass.channel.model.OfferDiscount;
import io.scenicpass.channel.model.Pricing;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.server.sales.Discounts;
import java.util.List;

/**
 * The octo/offers fields of a booking: the offer applied (code, title, combination), and on every price what it took
 * off ({@code pricing.offerDiscount}, {@code original} the price before it). Booking prices are stored after the
 * discount, so {@code original} is the retail price plus the discount.
 */
public final class OctoOffers {
    private OctoOffers() {}

    public static Booking decorate(Booking b, List<Discounts.Applied> applied) {
        if (applied.isEmpty()) {
            return b;
        }
        Discounts.Applied a = applied.get(0);
        long total = 0;
        long totalNet = 0;
        List<UnitItem> items = b.getUnitItems();
        for (int i = 0; i < items.size(); i++) {
            long off = 0;
            long netOff = 0;
            for (Discounts.Applied x : applied) {
                off += i < x.itemAmounts().size() ? x.itemAmounts().get(i) : 0;
                netOff += i < x.itemNetAmounts().size() ? x.itemNetAmounts().get(i) : 0;
            }
            total += off;
            totalNet += netOff;
            discount(items.get(i).getPricing(), off, netOff);
        }
        discount(b.getPricing(), total, totalNet);
        b.offerCode(a.code()).offerTitle(a.title()).offerIsCombination(a.combination());
        if (b.getPricing() != null) {
            b.offerComparisons(List.of(new OfferComparison()
                    .offerCode(a.code())
                    .offerTitle(a.title())
                    .pricing(b.getPricing())));
        }
        return b;
    }

    /** {@code p} (null: no pricing asked) as the price before and after {@code off}. */
    private static void discount(Pricing p, long off, long netOff) {
        if (p == null || off == 0) {
            return;
        }
        p.original(Math.toIntExact(p.getRetail() + off))
                .offerDiscount(new OfferDiscount().retail(Math.toIntExact(off)).net(Math.toIntExact(netOff)));
    }
}
