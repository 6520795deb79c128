package io.scenicpass.server.shop.checkout.http;

import io.scenicpass.server.shop.travellers.Travellers;
import java.util.List;

/**
 * The checkout page's model ({@code shop/checkout.jte}): the order reference of this form, the product and slot, one
 * line per ticket (a real-name one with the traveller chosen), the visitor's travellers, the total, the offer or coupon code typed, the error.
 */
public record CheckoutForm(
        String ref,
        String productId,
        String productTitle,
        String slotId,
        String slotLabel,
        List<Line> lines,
        List<Travellers.Traveller> travellers,
        long totalFen,
        String currency,
        String offerCode,
        String errorCode,
        String errorText) {

    /** One ticket: its position, unit, name, price, whether it needs a traveller, and the one chosen. */
    public record Line(
            int index, String unitId, String unitName, long priceFen, boolean realName, String travellerId) {}
}
