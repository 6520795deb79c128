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
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.checkout.store.CheckoutStore.CheckoutRow;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry.Status;
import io.scenicpass.server.shop.waitlist.store.WaitlistStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers freed places in line order (the job {@code waitlist-offers}, and at once after a decline). A slot's free
 * places are its vacancies now; an open offer is a real hold, so it is already counted as taken. The first WAITING
 * party that fits gets an order of its units held in its name (the shop's checkout: a hold of the channel
 * {@code shop}, linked to the visitor, paid on its pay page), expiring after the accept window, and the offer message;
 * a party larger than what is free is skipped and keeps its place.
 *
 * <p>Two nodes never offer the same places twice: the job runs under a cluster lease, and even when two runs overlap
 * the order's reference is made of the entry and its offer number ({@link WaitlistLinks#offerRef}), so both hold
 * the same order (a replay), and only one compare-and-set moves the entry to OFFERED (and sends the message). Holds never exceed the free places: the inventory's conditional updates
 * refuse them.
 */
public final class WaitlistOffers {
    private static final Logger LOG = LoggerFactory.getLogger(WaitlistOffers.class);
    /** Most slots, and most open offers, one run looks at. */
    static final int BATCH = 500;

    private final Database db;
    private final WaitlistStore store;
    private final InventoryService inventory;
    private final BookingService bookings;
    private final Supplier<Channel> shop;
    private final WaitlistSettings settings;
    private final ShopCheckout checkout;
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
            ShopCheckout checkout,
            OfferMessage message,
            CatalogueService catalogue,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.inventory = inventory;
        this.bookings = bookings;
        this.shop = shop;
        this.settings = settings;
        this.checkout = checkout;
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
        String ref = WaitlistLinks.offerRef(e.id(), e.offers() + 1);
        List<ShopCheckout.Line> lines = Party.parse(e.party()).items().stream()
                .map(i -> new ShopCheckout.Line(i.unitId(), null))
                .toList();
        Booking hold;
        try {
            CheckoutRow order =
                    checkout.hold(e.visitorId(), new ShopCheckout.Order(ref, slot.productId(), slot.id(), lines));
            // the accept window is the hold's expiry, from now
            hold = bookings.extend(shop.get(), order.bookingId(), new BookingCommands.Extend(settings.acceptMinutes()));
        } catch (ServiceException ex) {
            if (ex.problem() == Problem.UNPROCESSABLE_ENTITY && isHeld(ref)) {
                // a replay of this offer number's order, made by a run that stopped before linking it, run out since
                db.tx(c -> store.skipOffer(c, e.id(), e.offers(), clock.instant()));
                return Outcome.SKIPPED;
            }
            if (ex.problem() == Problem.UNPROCESSABLE_ENTITY) {
                return Outcome.SOLD_OUT; // taken meanwhile (or closed, or over): nothing more for this slot now
            }
            LOG.warn("waiting list entry {}: no offer ({}: {})", e.id(), ex.problem(), ex.getMessage());
            return Outcome.SKIPPED;
        }
        Instant now = clock.instant();
        Product product = catalogue.product(slot.productId(), null).product();
        boolean linked = db.tx(c -> {
            if (!store.offer(c, e.id(), e.offers(), hold.uuid(), hold.expiresAt(), now)) {
                return false;
            }
            WaitlistEntry offered = store.find(c, e.id()).orElseThrow();
            message.send(c, offered, hold, ref, slot, product.internalName(), ZoneId.of(product.timeZone()));
            return true;
        });
        if (linked) {
            LOG.info("waiting list entry {}: offered {} place(s) until {}", e.id(), e.quantity(), hold.expiresAt());
            return Outcome.OFFERED;
        }
        // the entry moved meanwhile: offered by another node (the same order: nothing to undo) or left (give it back)
        WaitlistEntry after = db.read(c -> store.find(c, e.id())).orElseThrow();
        if (!hold.uuid().equals(after.bookingUuid())) {
            checkout.cancel(e.visitorId(), ref);
        }
        return Outcome.SKIPPED;
    }

    /** Whether the order {@code ref} was made already (its booking exists, whatever its state). */
    private boolean isHeld(String ref) {
        try {
            bookings.get(shop.get(), ShopCheckout.bookingUuid(ref));
            return true;
        } catch (ServiceException e) {
            return false;
        }
    }

    /** Cancels an offer's order (a decline): its hold is given back, a payment under way given up (refunded if paid). */
    void cancel(WaitlistEntry e) {
        checkout.cancel(e.visitorId(), WaitlistLinks.refOf(e.bookingUuid()));
    }
}
