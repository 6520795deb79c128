package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.shop.waitlist.WaitlistRefusal.Code;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry.Status;
import io.scenicpass.server.shop.waitlist.store.WaitlistStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A visitor's side of the waiting lists: join a sold-out slot's list with a party, see the place in line, leave,
 * decline an offer. Offers themselves are made by {@link WaitlistOffers}.
 */
public final class WaitlistService {
    /** Most entries "my waiting lists" shows. */
    static final int MINE_LIMIT = 50;

    /** An entry with its place in line (1 = next; 0 when not WAITING). */
    public record Placed(WaitlistEntry entry, int place, Slot slot, String productName) {
        public Party party() {
            return Party.parse(entry.party());
        }
    }

    /** The slot a visitor may join, with what the shop can still sell in it and its option's units. */
    public record Joinable(
            Slot slot, CatalogueService.ProductView product, CatalogueService.OptionView option, int vacancies) {}

    private final Database db;
    private final WaitlistStore store;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final BookingService bookings;
    private final Supplier<Channel> shop;
    private final IdentityService identities;
    private final WaitlistOffers offers;
    private final Clock clock;

    public WaitlistService(
            Database db,
            WaitlistStore store,
            CatalogueService catalogue,
            InventoryService inventory,
            BookingService bookings,
            Supplier<Channel> shop,
            IdentityService identities,
            WaitlistOffers offers,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.bookings = bookings;
        this.shop = shop;
        this.identities = identities;
        this.offers = offers;
        this.clock = clock;
    }

    /** The slot, its product and option as the shop sells them, and its vacancies; refused when unknown or over. */
    public Joinable slot(String slotId) {
        Slot slot = slotId == null
                ? null
                : inventory.findSlot(slotId).or(() -> generated(slotId)).orElse(null);
        if (slot == null) {
            throw new WaitlistRefusal(Code.WAITLIST_UNKNOWN_SLOT, "no such slot");
        }
        CatalogueService.ProductView pv;
        try {
            pv = catalogue.product(slot.productId(), shop.get().id());
        } catch (ServiceException e) { // unknown or inactive product
            throw new WaitlistRefusal(Code.WAITLIST_UNKNOWN_SLOT, "no such slot");
        }
        CatalogueService.OptionView ov = pv.option(slot.optionId());
        if (ov == null) {
            throw new WaitlistRefusal(Code.WAITLIST_UNKNOWN_SLOT, "no such slot");
        }
        if (!clock.instant().isBefore(slot.endAt())) {
            throw new WaitlistRefusal(Code.WAITLIST_SLOT_OVER, "this slot is over");
        }
        int vacancies = inventory
                .slot(pv.product(), ov.option(), slot.localStart(), shop.get().id())
                .map(InventoryService.SlotView::vacancies)
                .orElse(0);
        return new Joinable(slot, pv, ov, vacancies);
    }

    /** A slot whose day's slots were never generated (nobody looked at that day yet): generated now, if it exists. */
    private java.util.Optional<Slot> generated(String slotId) {
        int bar = slotId.indexOf('|');
        if (bar < 0) {
            return java.util.Optional.empty();
        }
        String optionId = slotId.substring(0, bar);
        for (CatalogueService.ProductView pv : catalogue.products(shop.get().id())) {
            CatalogueService.OptionView ov = pv.option(optionId);
            if (ov != null) {
                return inventory
                        .slot(
                                pv.product(),
                                ov.option(),
                                slotId.substring(bar + 1),
                                shop.get().id())
                        .map(InventoryService.SlotView::slot);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Puts the visitor's party on the slot's list (at its end). Refused when the slot is unknown, over or closed,
     * when the party could book now (the slot has places enough for it), when the visitor is on the list already,
     * and when the party is empty or larger than {@link Party#MAX_PEOPLE} or the slot's capacity.
     */
    public Placed join(long visitorId, String slotId, Map<String, String> typedCounts) {
        Joinable j = slot(slotId);
        Party party = Party.of(typedCounts, j.option());
        requireUnnamed(j, party);
        if (j.slot().closed()) {
            throw new WaitlistRefusal(Code.WAITLIST_SLOT_CLOSED, "this slot is closed");
        }
        if (party.people() > j.slot().capacity()) {
            throw new WaitlistRefusal(
                    Code.WAITLIST_TOO_MANY_UNITS,
                    "the slot has only " + j.slot().capacity() + " places in all");
        }
        if (j.vacancies() >= party.people()) {
            throw new WaitlistRefusal(Code.WAITLIST_NOT_SOLD_OUT, "there are places for your party: book them");
        }
        Instant now = clock.instant();
        WaitlistEntry e;
        try {
            e = db.tx(c -> {
                if (store.active(c, slotId, visitorId).isPresent()) {
                    throw new WaitlistRefusal(Code.WAITLIST_ALREADY_WAITING, "you are on this slot's list already");
                }
                return store.insert(
                        c,
                        slotId,
                        visitorId,
                        party.stored(),
                        party.people(),
                        j.slot().endAt(),
                        now);
            });
        } catch (StoreException ex) {
            if (ex.isUniqueViolation()) { // the same visitor joined twice at once
                throw new WaitlistRefusal(Code.WAITLIST_ALREADY_WAITING, "you are on this slot's list already");
            }
            throw ex;
        }
        return placed(e, j.slot(), j.product().product().internalName());
    }

    /**
     * An offer is held before the visitor is there to say who goes: units that must name their visitor (real-name
     * policy) cannot wait on the list (the checkout would refuse the hold).
     */
    private void requireUnnamed(Joinable j, Party party) {
        Policy policy = db.read(c -> identities.policy(c, j.slot().productId()));
        List<BookingCommands.Item> items = party.items();
        for (int i = 0; i < items.size(); i++) {
            if (IdentityService.requires(policy, i, j.option().unit(items.get(i).unitId()))) {
                throw new WaitlistRefusal(
                        Code.WAITLIST_NAMED_TICKETS,
                        "these tickets name each visitor: the waiting list cannot hold them, book when places show");
            }
        }
    }

    /** One of the visitor's entries with its place; WAITLIST_UNKNOWN_ENTRY when it is not theirs. */
    public Placed get(long visitorId, long entryId) {
        WaitlistEntry e = own(visitorId, entryId);
        if (offers.settle(e)) { // an offer paid or run out shows as such at once
            e = own(visitorId, entryId);
        }
        Slot slot = inventory.findSlot(e.slotId()).orElseThrow();
        return placed(e, slot, productName(slot));
    }

    /** The visitor's entries, newest first, each with its place. */
    public List<Placed> mine(long visitorId) {
        List<WaitlistEntry> entries = db.read(c -> store.ofVisitor(c, visitorId, MINE_LIMIT));
        if (entries.stream().anyMatch(offers::settle)) {
            entries = db.read(c -> store.ofVisitor(c, visitorId, MINE_LIMIT));
        }
        List<Placed> out = new ArrayList<>();
        for (WaitlistEntry e : entries) {
            inventory.findSlot(e.slotId()).ifPresent(s -> out.add(placed(e, s, productName(s))));
        }
        return out;
    }

    /** The visitor's active entry on this slot's list, if any (the join page shows it instead of the form). */
    public java.util.Optional<Placed> onList(long visitorId, String slotId) {
        return db.read(c -> store.active(c, slotId, visitorId))
                .flatMap(e -> inventory.findSlot(slotId).map(s -> placed(e, s, productName(s))));
    }

    /**
     * Leaves the list: a WAITING entry is gone, an OFFERED one declines its offer (the held places go to the next in
     * line). Leaving twice is fine.
     */
    public void leave(long visitorId, long entryId) {
        WaitlistEntry e = own(visitorId, entryId);
        if (e.status() == Status.OFFERED) {
            decline(visitorId, entryId);
            return;
        }
        db.tx(c -> store.move(c, entryId, Status.WAITING, Status.LEFT, clock.instant()));
    }

    /**
     * Declines an open offer: the entry is DECLINED (off the list) and its hold cancelled while still unpaid, then the
     * places are offered to the next in line at once.
     */
    public void decline(long visitorId, long entryId) {
        WaitlistEntry e = own(visitorId, entryId);
        if (e.status() != Status.OFFERED
                || !db.tx(c -> store.move(c, entryId, Status.OFFERED, Status.DECLINED, clock.instant()))) {
            throw new WaitlistRefusal(Code.WAITLIST_NO_OFFER, "there is no open offer to decline");
        }
        offers.cancel(e);
        offers.offerSlot(e.slotId());
    }

    private WaitlistEntry own(long visitorId, long entryId) {
        return db.read(c -> store.find(c, entryId))
                .filter(e -> e.visitorId() == visitorId)
                .orElseThrow(() -> new WaitlistRefusal(Code.WAITLIST_UNKNOWN_ENTRY, "no such waiting list entry"));
    }

    private Placed placed(WaitlistEntry e, Slot slot, String productName) {
        int place = e.status() == Status.WAITING ? db.read(c -> store.ahead(c, e.slotId(), e.id())) + 1 : 0;
        return new Placed(e, place, slot, productName);
    }

    private String productName(Slot slot) {
        try {
            return catalogue.product(slot.productId(), null).product().internalName();
        } catch (ServiceException e) {
            return slot.productId();
        }
    }
}
