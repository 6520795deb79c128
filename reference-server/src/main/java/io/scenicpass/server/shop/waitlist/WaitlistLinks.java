package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.shop.checkout.ShopCheckout;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The shop paths of the waiting list, and the pay page of an offer's hold (the shop's checkout owns it). */
public final class WaitlistLinks {
    private WaitlistLinks() {}

    /** My waiting lists. */
    public static final String MINE = "/shop/waitlist";

    /** The join page of a slot (its id encoded: it holds '|', ':' and '+'). */
    public static String slot(String slotId) {
        return MINE + "/" + URLEncoder.encode(slotId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One of my entries. */
    public static String entry(long id) {
        return MINE + "/entries/" + id;
    }

    /** Where an offer is accepted: its order's pay page (the shop's checkout). */
    public static String pay(String ref) {
        return "/shop/orders/" + ref + "/pay";
    }

    /**
     * The shop order reference of an entry's n-th offer: 26 of [0-9A-Z] like the checkout's own ("WL", the entry id,
     * "N", the offer number), so every node making that offer makes the same order.
     */
    public static String offerRef(long entryId, int offer) {
        return String.format(java.util.Locale.ROOT, "WL%018dN%05d", entryId, offer);
    }

    /** The order reference of an offer's held booking ({@link ShopCheckout#bookingUuid} the other way). */
    public static String refOf(String bookingUuid) {
        return bookingUuid.substring(bookingUuid.indexOf('-') + 1);
    }
}
