package io.scenicpass.server.testing;

import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentProvider;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import java.util.List;

/** A shop order held, paid (the simulated provider) and confirmed as the shop's pay page does it. */
public final class PaidShopOrder {
    private PaidShopOrder() {}

    /** The confirmed booking of {@code visitor}'s order of {@code lines} of {@code product} in {@code slot}. */
    public static Booking of(TestServer ts, long visitor, String product, String slot, List<ShopCheckout.Line> lines) {
        ShopCheckout checkout = ts.server.shopBook().checkout;
        String ref = checkout.newRef();
        checkout.hold(visitor, new ShopCheckout.Order(ref, product, product + "-opt|" + slot, lines));
        Payment p = checkout.pay(visitor, ref, new PaymentProvider.Payer("203.0.113.7", null), false);
        if (!ts.server.payments().simulated.visitorPays(p.id())) {
            throw new AssertionError(p);
        }
        CheckoutRow row = checkout.get(visitor, ref);
        if (row.state() != SaleState.PAID) {
            throw new AssertionError(row);
        }
        return checkout.booking(row);
    }
}
