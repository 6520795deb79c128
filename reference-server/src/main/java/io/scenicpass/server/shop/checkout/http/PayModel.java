package io.scenicpass.server.shop.checkout.http;

import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.internal.SimulatedProvider;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The pay page's model ({@code shop/pay.jte}): the order, the amount, until when its places are held, and how to pay:
 * SIMULATED (the demo's cashier button), H5 (the provider's cashier URL to open); what offers took off and why, and
 * the automatic offers it did not get and why.
 */
public record PayModel(
        String ref,
        String state,
        long amountFen,
        String currency,
        String holdUntil,
        String kind,
        String cashierUrl,
        List<io.scenicpass.server.sales.Discounts.Applied> discounts,
        List<io.scenicpass.server.sales.Discounts.Declined> declined) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** The order's end page ({@code shop/checkout-done.jte}): its state and how many passes were issued. */
    public record Done(String ref, String state, long passes) {}

    static PayModel of(
            CheckoutRow row, Payment p, ShopCheckout checkout, java.time.ZoneId zone, boolean simulatedCashier) {
        boolean simulated = SimulatedProvider.NAME.equals(p.provider()) && simulatedCashier;
        return new PayModel(
                row.ref(),
                row.state().wire(),
                row.amountFen(),
                row.currency(),
                HOUR.format(checkout.booking(row).expiresAt().atZone(zone)),
                simulated ? "SIMULATED" : p.method().name(),
                simulated ? null : p.codeUrl(),
                checkout.discounts(row),
                checkout.declined(row));
    }
}
