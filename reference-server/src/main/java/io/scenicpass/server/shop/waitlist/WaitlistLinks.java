package io.scenicpass.server.shop.waitlist;

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

    /** Where an offer is accepted: the held booking's pay page. */
    public static String pay(String bookingUuid) {
        return "/shop/orders/" + bookingUuid + "/pay";
    }
}
