package io.scenicpass.server.messages.internal;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.messages.store.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The day-before reminder: a confirmed shop booking whose visit is tomorrow in the park's zone gets a REMINDER from
 * {@code messages.reminderHour} (the park's time) on. Once per booking, also across nodes and runs (the outbox's
 * dedupe key {@code REMINDER:<uuid>}); a booking confirmed after that hour is not reminded (its confirmation is
 * fresh).
 */
public final class Reminders {
    private final Database db;
    private final MessageStore store;
    private final VisitorMessages messages;
    private final int hour;
    private final Clock clock;

    public Reminders(Database db, MessageStore store, VisitorMessages messages, int hour, Clock clock) {
        this.db = db;
        this.store = store;
        this.messages = messages;
        this.hour = hour;
        this.clock = clock;
    }

    /** Queues the reminders due now; returns how many were queued. */
    public int due() {
        Instant now = clock.instant();
        LocalDate utc = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // every zone's tomorrow lies within UTC's today .. today + 2
        return db.tx(c -> {
            int n = 0;
            for (MessageStore.ShopBooking b : store.confirmedBetween(c, utc, utc.plusDays(2))) {
                ZoneId zone = ZoneId.of(b.timeZone());
                ZonedDateTime from = b.date().minusDays(1).atTime(hour, 0).atZone(zone);
                boolean due = !now.isBefore(from.toInstant())
                        && LocalDate.ofInstant(now, zone).plusDays(1).equals(b.date());
                boolean fresh = b.confirmedAt() != null && !b.confirmedAt().isBefore(from.toInstant());
                if (due && !fresh) {
                    String id = messages.sendOnce(
                            c, b.visitorId(), MessageKind.REMINDER, BookingMessages.fields(b), "REMINDER:" + b.uuid());
                    n += id != null ? 1 : 0;
                }
            }
            return n;
        });
    }
}
