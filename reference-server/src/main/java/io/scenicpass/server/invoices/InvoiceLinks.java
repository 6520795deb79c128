package io.scenicpass.server.invoices;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The visitor's invoice link printed (as a QR) on the receipt: {@code <publicUrl>/invoice/<token>}. A token names
 * one booking and the last day it works (the visit date + {@code invoices.linkDays}, UTC), sealed with a keyed MAC
 * of the identity secret (128 bits): unguessable, not transferable to another booking, no table to keep. The same
 * booking always gets the same link, so a reprinted receipt shows the same QR.
 */
public final class InvoiceLinks {
    /** A token refused: unknown (forged, mistyped, another server's) or past its last day. */
    public static final class Refused extends RuntimeException {
        public final boolean expired;

        Refused(boolean expired, String message) {
            super(message, null, false, false);
            this.expired = expired;
        }
    }

    private final Database db;
    private final BookingStore bookings;
    private final IdentityKeys keys;
    private final Supplier<String> baseUrl;
    private final int linkDays;
    private final Clock clock;

    public InvoiceLinks(
            Database db,
            BookingStore bookings,
            IdentityKeys keys,
            Supplier<String> baseUrl,
            int linkDays,
            Clock clock) {
        this.db = db;
        this.bookings = bookings;
        this.keys = keys;
        this.baseUrl = baseUrl;
        this.linkDays = linkDays;
        this.clock = clock;
    }

    /** The link of a booking (for the sale's {@code receipt.invoiceUrl}); null for an unknown booking. */
    public String forBooking(String bookingUuid) {
        return db.read(c -> bookings.find(c, bookingUuid)).map(this::forBooking).orElse(null);
    }

    /** The link of a booking already at hand. */
    public String forBooking(Booking b) {
        return baseUrl.get() + "/invoice/" + token(b.uuid(), b.localDate().plusDays(linkDays));
    }

    /** The token of a booking, valid through {@code lastDay}. */
    String token(String bookingUuid, LocalDate lastDay) {
        String b = Base64.getUrlEncoder().withoutPadding().encodeToString(bookingUuid.getBytes(StandardCharsets.UTF_8));
        return b + "." + lastDay.toEpochDay() + "." + mac(bookingUuid, lastDay.toEpochDay());
    }

    /** The booking a token names, once its MAC verifies and its last day has not passed. */
    public String bookingOf(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("-?[0-9]{1,9}") || parts[0].length() > 100) {
            throw new Refused(false, "unknown invoice link");
        }
        String uuid;
        try {
            uuid = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused(false, "unknown invoice link");
        }
        long day = Long.parseLong(parts[1]);
        if (!MessageDigest.isEqual(
                mac(uuid, day).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(false, "unknown invoice link");
        }
        if (LocalDate.now(clock.withZone(ZoneOffset.UTC)).toEpochDay() > day) {
            throw new Refused(true, "the invoice link expired on " + LocalDate.ofEpochDay(day));
        }
        return uuid;
    }

    private String mac(String bookingUuid, long day) {
        return keys.digest("invoice-link:" + bookingUuid + ":" + day).substring(0, 32);
    }
}
