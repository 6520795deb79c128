package io.scenicpass.server.shop.tickets;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.PassCancellation;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.shop.tickets.TicketRefusal.Code;
import io.scenicpass.server.terminal.store.PassUseStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the visitor may still do with a shop booking, read before any change so a refusal has its own code (the sales
 * services decide again inside their transactions; their refusals are classified here too).
 */
public final class TicketRules {
    /** A shop booking with its product, slot, the cutoff of refunds and changes, and the passes used at a gate. */
    public record Order(Booking booking, Product product, Slot slot, Instant cutoffAt, Map<String, Instant> used) {
        /** Whether it may be refunded or changed at {@code now}: confirmed, before the cutoff, no pass used. */
        public boolean changeable(Instant now) {
            return booking.status() == BookingState.CONFIRMED && used.isEmpty() && !now.isAfter(cutoffAt);
        }

        /** The valid passes' ids, in unit item order (a group pass once). */
        public List<String> passIds() {
            return booking.unitItems().stream()
                    .map(Booking.UnitItem::passId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
        }
    }

    private final Database db;
    private final BookingService bookings;
    private final Supplier<Channel> channel;
    private final CatalogueStore catalogue = new CatalogueStore();
    private final InventoryStore inventory = new InventoryStore();
    private final PassUseStore passUse;

    public TicketRules(Database db, BookingService bookings, Supplier<Channel> channel) {
        this.db = db;
        this.bookings = bookings;
        this.channel = channel;
        this.passUse = new PassUseStore(db.dialect());
    }

    /** The shop channel's booking {@code uuid} as it is now (a due hold expired on the way); ORDER_NOT_FOUND else. */
    public Order order(String uuid) {
        Booking b;
        try {
            b = bookings.get(channel.get(), uuid);
        } catch (ServiceException e) {
            if (e.problem() == Problem.INVALID_BOOKING_UUID) {
                throw new TicketRefusal(Code.ORDER_NOT_FOUND, "no shop order " + uuid);
            }
            throw e;
        }
        return db.read(c -> {
            Product p = catalogue.product(c, b.productId()).orElseThrow();
            Slot s = inventory.slot(c, b.slotId()).orElseThrow();
            Map<String, Instant> used = b.status().isSold()
                    ? passUse.firstEntries(
                            c,
                            b.unitItems().stream()
                                    .map(Booking.UnitItem::passId)
                                    .filter(Objects::nonNull)
                                    .distinct()
                                    .toList())
                    : Map.of();
            return new Order(b, p, s, PassCancellation.cutoffAt(p, s), used);
        });
    }

    /** Refuses with the reason when {@code o} (or its passes {@code passIds}, empty: all) cannot change at {@code now}. */
    public void requireChangeable(Order o, Collection<String> passIds, Instant now) {
        requireChangeable(o, passIds, now, false);
    }

    /** As above; {@code beyondCutoff}: an operator's refund, also after the product's cutoff (the slot not over). */
    public void requireChangeable(Order o, Collection<String> passIds, Instant now, boolean beyondCutoff) {
        BookingState s = o.booking().status();
        if (s == BookingState.REDEEMED || !o.used().isEmpty() && touches(o, passIds)) {
            throw new TicketRefusal(
                    Code.ALREADY_USED, "a pass of order " + o.booking().uuid() + " was used");
        }
        if (s == BookingState.CANCELLED) {
            throw new TicketRefusal(
                    Code.ALREADY_REFUNDED, "order " + o.booking().uuid() + " is cancelled");
        }
        if (s != BookingState.CONFIRMED) {
            throw new TicketRefusal(Code.NOT_CONFIRMED, "order " + o.booking().uuid() + " is " + s);
        }
        if (!beyondCutoff && now.isAfter(o.cutoffAt())) {
            throw new TicketRefusal(Code.CUTOFF_PASSED, "the cutoff was " + o.cutoffAt());
        }
    }

    /** A refusal of the sales services (UNPROCESSABLE_ENTITY) as the visitor's reason, read again from the order. */
    TicketRefusal classify(String uuid, Collection<String> passIds, ServiceException e, Instant now) {
        return classify(uuid, passIds, e, now, false);
    }

    TicketRefusal classify(
            String uuid, Collection<String> passIds, ServiceException e, Instant now, boolean beyondCutoff) {
        try {
            requireChangeable(order(uuid), passIds, now, beyondCutoff);
        } catch (TicketRefusal r) {
            return r;
        }
        return new TicketRefusal(Code.REFUSED, e.getMessage());
    }

    private static boolean touches(Order o, Collection<String> passIds) {
        return passIds == null || passIds.isEmpty() || passIds.stream().anyMatch(o.used()::containsKey);
    }
}
