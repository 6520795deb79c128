package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The WAITLIST_OFFER message, queued in the offer's transaction: the slot, how many places, until when (the slot's
 * local time), and {@code ref} / {@code link}: the shop order held and its pay page.
 */
final class OfferMessage {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VisitorMessages messages;

    OfferMessage(VisitorMessages messages) {
        this.messages = messages;
    }

    void send(Connection c, WaitlistEntry e, Booking hold, String ref, Slot slot, String productName, ZoneId zone)
            throws SQLException {
        messages.send(
                c,
                e.visitorId(),
                MessageKind.WAITLIST_OFFER,
                Map.of(
                        "product", productName,
                        "date", slot.localDate().toString(),
                        "time", slot.localStart().substring(11, 16),
                        "places", Integer.toString(e.quantity()),
                        "until", UNTIL.format(hold.expiresAt().atZone(zone)),
                        "ref", ref,
                        "link", WaitlistLinks.pay(ref)));
    }
}
