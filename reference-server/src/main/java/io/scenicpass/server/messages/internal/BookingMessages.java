package io.scenicpass.server.messages.internal;

import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.messages.store.MessageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Booking confirmed, changed, refunded → a message to the shop visitor who owns the booking, queued in the
 * transaction that changed it (through the webhooks' {@link WebhookService.BookingListener}); other channels'
 * bookings are not the shop's and get none. A confirmation and a refund go once per booking.
 */
public final class BookingMessages implements WebhookService.BookingListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageStore store;
    private final VisitorMessages messages;

    public BookingMessages(MessageStore store, VisitorMessages messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    public void on(Connection c, WebhookEventType type, Booking booking) throws SQLException {
        MessageKind kind = switch (type) {
            case BOOKING_CONFIRMED -> MessageKind.BOOKING_CONFIRMED;
            case BOOKING_UPDATED -> MessageKind.BOOKING_CHANGED;
            case BOOKING_CANCELLED -> MessageKind.BOOKING_REFUNDED;
            default -> null;
        };
        if (kind == null || booking.getUuid() == null) {
            return;
        }
        MessageStore.ShopBooking b = store.shopBooking(c, booking.getUuid()).orElse(null);
        if (b == null) {
            return;
        }
        String once = kind == MessageKind.BOOKING_CHANGED ? null : kind.name() + ":" + b.uuid();
        messages.sendOnce(c, b.visitorId(), kind, fields(b), once);
    }

    /** The fields of a booking's messages: {@code ref}, {@code product}, {@code date}, {@code time}. */
    public static Map<String, String> fields(MessageStore.ShopBooking b) {
        Map<String, String> f = new HashMap<>();
        f.put("ref", b.uuid());
        f.put("product", b.product());
        f.put("date", b.date().toString());
        f.put("time", TIME.format(b.startAt().atZone(ZoneId.of(b.timeZone()))));
        return f;
    }
}
