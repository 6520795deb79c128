package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry.Status;
import io.scenicpass.server.shop.waitlist.store.WaitlistStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers freed places in line order (the job {@code waitlist-offers}, and at once after a decline). A slot's free
 * places are its vacancies now; an open offer is a real hold, so it is already counted as taken. The first WAITING
 * party that fits gets a hold of its units ({@link BookingService#reserve} on the shop channel, expiring after the
 * accept window) and the offer message; a party larger than what is free is skipped and keeps its place.
 *
 * <p>Two nodes never offer the same places twice: the job runs under a cluster lease, and even when two runs overlap
 * the hold's uuid is {@code wl-<entry>-<offer number>}, so both reserve the same booking (a replay), and only one
 * compare-and-set moves the entry to OFFERED. Holds never exceed the free places: the inventory's conditional updates
 * refuse them.
 */
public final class WaitlistOffers {
    private static final Logger LOG = LoggerFactory.getLogger(WaitlistOffers.class);
    /** Most slots, and most open offers, one run looks at. */
    static final int BATCH = 500;

    /** What else happens in the transaction that makes an offer: the hold linked to the visitor as a shop order. */
    @FunctionalInterface
    public interface OfferMade {
        void offered(Connection c, WaitlistEntry entry, Booking hold) throws SQLException;
    }

    private final Database db;
    private final WaitlistStore store;
    private final InventoryService inventory;
    private final BookingService bookings;
    private final Supplier<Channel> shop;
    private final WaitlistSettings settings;
    private final OfferMade offerMade;
    private final OfferMessage message;
    private final CatalogueService catalogue;
    private final Clock clock;

    public WaitlistOffers(
            Database db,
            WaitlistStore store,
            InventoryService inventory,
            BookingService bookings,
            Supplier<Channel> shop,
            WaitlistSettings settings,
            OfferMade offerMade,
            OfferMessage message,
            CatalogueService catalogue,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.inventory = inventory;
        this.bookings = bookings;
        this.shop = shop;
        this.settings = settings;
        this.offerMade = offerMade;
        this.message = message;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One run of the job: closes the offers that were paid, declined or ran out, then offers what is free. */
    public int run() {
        settle();
        int made = 0;
        for (String slotId : db.read(c -> store.slotsWaiting(c, clock.instant(), BATCH))) {
            made += offerSlot(slotId);
        }
        return made;
    }

    /**
     * Closes the open offers whose hold is no longer held: paid → ACCEPTED, cancelled → DECLINED, ran out → EXPIRED
     * (reading the hold expires it when due). Each is a compare-and-set from OFFERED.
     */
    public void settle() {
        db.read(c -> store.offered(c, BATCH)).forEach(this::settle);
    }

    /** {@link #settle()} for one entry (a visitor looking at it); true when it was an open offer and closed now. */
    public boolean settle(WaitlistEntry e) {
        if (e.status() != Status.OFFERED) {
            return false;
        }
        BookingState s = bookings.get(shop.get(), e.bookingUuid()).status();
        Status to = s.isSold()
                ? Status.ACCEPTED
                : s == BookingState.CANCELLED ? Status.DECLINED : s == BookingState.EXPIRED ? Status.EXPIRED : null;
        if (to != null && db.tx(c -> store.move(c, e.id(), Status.OFFERED, to, clock.instant()))) {
            LOG.info("waiting list entry {}: offer {}", e.id(), to);
            return true;
        }
        return false;
    }

    /** Offers the slot's free places to its WAITING parties in line order; returns how many offers were made. */
    public int offerSlot(String slotId) {
        Slot slot = inventory.findSlot(slotId).orElse(null);
        if (slot == null || !clock.instant().isBefore(slot.endAt())) {
            return 0;
        }
        int free = slot.vacancies();
        int made = 0;
        if (free <= 0) {
            return 0;
        }
        for (WaitlistEntry e : db.read(c -> store.ofSlot(c, slotId, Status.WAITING, BATCH))) {
            if (free <= 0) {
                break;
            }
            if (e.quantity() > free) {
                continue; // does not fit: skipped, keeps its place
            }
            Outcome o = offer(e, slot);
            if (o == Outcome.SOLD_OUT) {
                break;
            }
            if (o == Outcome.OFFERED) {
                free -= e.quantity();
                made++;
            }
        }
        return made;
    }

    private enum Outcome {
        OFFERED,
        SKIPPED,
        SOLD_OUT
    }

    private Outcome offer(WaitlistEntry e, Slot slot) {
        Channel ch = shop.get();
        Party party = Party.parse(e.party());
        String uuid = "wl-" + e.id() + "-" + (e.offers() + 1);
        Booking hold;
        try {
            hold = bookings.reserve(
                    ch,
                    new BookingCommands.Reserve(
                            uuid,
                            "waitlist:" + e.id() + ":" + e.party(),
                            slot.productId(),
                            slot.optionId(),
                            slot.localStart(),
                            party.items(),
                            settings.acceptMinutes(),
                            new BookingCommands.Details("waitlist-" + e.id(), null, null)));
        } catch (ServiceException ex) {
            if (ex.problem() == Problem.UNPROCESSABLE_ENTITY) {
                return Outcome.SOLD_OUT; // taken meanwhile (or closed, or over): nothing more for this slot now
            }
            LOG.warn("waiting list entry {}: no offer ({}: {})", e.id(), ex.problem(), ex.getMessage());
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        Product product = catalogue.product(slot.productId(), null).product();
        if (hold.status() != BookingState.ON_HOLD) {
            // a replay of this offer number's hold made by a run that stopped before linking it, and run out since
            db.tx(c -> store.skipOffer(c, e.id(), e.offers(), now));
            return Outcome.SKIPPED;
        }
        boolean linked = db.tx(c -> {
            if (!store.offer(c, e.id(), e.offers(), uuid, hold.expiresAt(), now)) {
                return false;
            }
            WaitlistEntry offered = store.find(c, e.id()).orElseThrow();
            offerMade.offered(c, offered, hold);
            message.send(c, offered, hold, slot, product.internalName(), ZoneId.of(product.timeZone()));
            return true;
        });
        if (linked) {
            LOG.info("waiting list entry {}: offered {} place(s) until {}", e.id(), e.quantity(), hold.expiresAt());
            return Outcome.OFFERED;
        }
        // the entry moved meanwhile: offered by another node (the same hold: nothing to undo) or left (give it back)
        WaitlistEntry now2 = db.read(c -> store.find(c, e.id())).orElseThrow();
        if (!uuid.equals(now2.bookingUuid())) {
            bookings.cancel(ch, uuid, new BookingCommands.Cancel("waiting list entry left before the offer"));
        }
        return Outcome.SKIPPED;
    }
}
