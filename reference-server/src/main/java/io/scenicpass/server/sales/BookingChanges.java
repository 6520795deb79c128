package io.scenicpass.server.sales;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Changes what a booking is for (OCTO {@code PATCH /bookings/{uuid}}, confirm with unit items): its availability
 * (date or time), unit items, product and option.
 *
 * <p>{@link #resolve} checks the target against the catalogue before anything is written. {@link #apply} moves the
 * places in the caller's transaction: it locks the booking row, then the slot rows and the day-pool rows involved, each
 * in key order (so two moves in opposite directions cannot deadlock), takes the new places and only then gives the
 * old ones back. Where old and new share a counter row (the same slot, or the same day of the same pool) the old
 * places go back first, so that the row moves by the difference and a change within a full slot still fits. Sold out:
 * UNPROCESSABLE_ENTITY and the transaction rolls back, the booking unchanged. A sold booking's passes are revoked
 * ("CHANGED", so gates refuse them) and new ones issued in the same transaction.
 */
final class BookingChanges {
    /** Where a booking goes: product, option (with the channel's prices), slot and the new unit items. */
    record Target(
            Product product, CatalogueService.OptionView option, Slot slot, UnitItems.Built items, boolean relabel) {
        Target(Product product, CatalogueService.OptionView option, Slot slot, UnitItems.Built items) {
            this(product, option, slot, items, false);
        }
    }

    private final BookingStore bookings;
    private final InventoryStore inventoryStore;
    private final CatalogueStore catalogueStore;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final IssuanceService issuance;
    private final Ids ids;
    private final Clock clock;

    BookingChanges(
            BookingStore bookings,
            InventoryStore inventoryStore,
            CatalogueStore catalogueStore,
            CatalogueService catalogue,
            InventoryService inventory,
            IssuanceService issuance,
            Ids ids,
            Clock clock) {
        this.bookings = bookings;
        this.inventoryStore = inventoryStore;
        this.catalogueStore = catalogueStore;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.issuance = issuance;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The target of a change of {@code b}, or null when it changes nothing. Each null argument keeps the current value
     * (unit items: null or empty); a new product without an option means its default option; a new option without an
     * availability means the same start time in that option; a new option without unit items maps each item to the
     * new option's unit of the same type.
     */
    Target resolve(
            Channel ch,
            Booking b,
            String productId,
            String optionId,
            String availabilityId,
            List<BookingCommands.Item> items) {
        if (productId == null && optionId == null && availabilityId == null && (items == null || items.isEmpty())) {
            return null; // details only: the catalogue is not consulted (the product may be off sale by now)
        }
        boolean sameProduct = productId == null || productId.equals(b.productId());
        if (inventory.parts.get().has(b.productId())
                || (!sameProduct && inventory.parts.get().has(productId))) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "a package booking cannot be changed (its partners' parts go with it): cancel it and book again",
                    b.uuid());
        }
        CatalogueService.ProductView pv = catalogue.product(sameProduct ? b.productId() : productId, ch.id());
        String targetOption = optionId != null ? optionId : sameProduct ? b.optionId() : null;
        CatalogueService.OptionView ov = pv.optionOrDefault(targetOption);
        if (ov == null) {
            throw new ServiceException(Problem.INVALID_OPTION_ID, "unknown option", targetOption);
        }
        boolean sameOption = ov.option().id().equals(b.optionId());
        List<BookingCommands.Item> wanted = items == null || items.isEmpty() ? null : items;
        if (wanted == null) {
            wanted = sameOption ? current(b) : byType(ch, b, ov);
        }
        UnitItems.Built built = UnitItems.build(ov, wanted, sameOption ? b.unitItems() : List.of(), ids);
        Slot current = inventory.findSlot(b.slotId()).orElseThrow();
        String availability = availabilityId != null ? availabilityId : current.localStart();
        Slot slot = inventory
                .slotForReserve(pv.product(), ov.option(), availability)
                .orElseThrow(() ->
                        new ServiceException(Problem.INVALID_AVAILABILITY_ID, "unknown availability", availability));
        if (slot.id().equals(b.slotId()) && unitIds(built.items()).equals(unitIds(b.unitItems()))) {
            // same places: nothing to move (e.g. a retried PATCH), perhaps new uuids or contacts for the items
            List<Booking.UnitItem> relabelled = relabelled(b, built.items());
            if (relabelled.equals(b.unitItems())) {
                return null;
            }
            if (b.status().isSold()
                    && !unitUuids(relabelled).equals(unitUuids(b.unitItems()))) { // its passes name them
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "the unit item uuids of a confirmed booking cannot change",
                        b.uuid());
            }
            return new Target(
                    pv.product(), ov, slot, new UnitItems.Built(relabelled, built.quantity(), built.units()), true);
        }
        if (!clock.instant().isBefore(slot.endAt())) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "this slot is over", slot.localStart());
        }
        return new Target(pv.product(), ov, slot, built);
    }

    /**
     * Moves {@code seen} to {@code t} in the caller's transaction and returns the booking as moved, or null when the
     * booking is no longer {@code seen} (changed concurrently: resolve again). Refuses a hold that has expired and a
     * sold booking past its cancellation cutoff.
     */
    Booking apply(Connection c, Channel ch, Booking seen, Target t, Instant now) throws SQLException {
        Booking b = bookings.findForUpdate(c, seen.uuid()).orElseThrow();
        if (b.status() != seen.status()
                || !b.slotId().equals(seen.slotId())
                || !b.unitItems().equals(seen.unitItems())) {
            return null;
        }
        if (t.relabel()) { // no places move: only the items' uuids and contacts change
            bookings.setItems(c, b.uuid(), t.items().items());
            return bookings.find(c, b.uuid()).orElseThrow();
        }
        lockCounters(c, b, t);
        boolean sold = b.status().isSold();
        if (b.status() == BookingState.ON_HOLD && !b.expiresAt().isAfter(now)) {
            throw new ServiceException(Problem.INVALID_BOOKING_UUID, "the hold has expired", b.uuid());
        }
        if (b.status() != BookingState.ON_HOLD && b.status() != BookingState.CONFIRMED) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "a booking " + b.status() + " cannot be changed", b.uuid());
        }
        Slot from = inventoryStore.slot(c, b.slotId()).orElseThrow();
        Product was = catalogueStore.product(c, b.productId()).orElseThrow();
        if (sold && !BookingLifecycle.cancellable(b.status(), was, from, now)) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "the cancellation cutoff (" + was.cancelCutoffMinutes() + " minutes before the slot) has passed",
                    b.uuid());
        }
        String pool = t.product().dayPool();
        boolean shared = b.slotId().equals(t.slot().id())
                || b.poolId() != null
                        && b.poolId().equals(pool)
                        && b.localDate().equals(t.slot().localDate());
        if (shared) {
            inventory.places().release(c, b, sold);
        }
        int fromAllotment =
                inventory.places().hold(c, t.slot(), pool, ch.id(), t.items().quantity());
        Booking moved = b.movedTo(
                t.product(),
                t.slot(),
                t.items().quantity(),
                fromAllotment,
                t.items().items());
        if (sold) {
            inventory.places().sell(c, moved);
        }
        if (!shared) {
            inventory.places().release(c, b, sold);
        }
        bookings.rebook(c, moved, now);
        if (sold) {
            issuance.revokeAll(c, b.uuid(), "CHANGED");
            issuance.issue(c, moved, t.product(), t.slot(), units(t.option()));
        }
        return moved;
    }

    /** Locks the slot rows, then the channel's allotment rows, then the day-pool rows of the move, each in key order. */
    private void lockCounters(Connection c, Booking b, Target t) throws SQLException {
        TreeSet<String> slots = new TreeSet<>(List.of(b.slotId(), t.slot().id()));
        for (String id : slots) {
            inventoryStore.lockSlot(c, id);
        }
        for (String id : slots) {
            inventoryStore.lockAllotment(c, id, b.channelId());
        }
        TreeMap<String, LocalDate> pools = new TreeMap<>();
        if (b.poolId() != null) {
            pools.put(b.poolId() + "|" + b.localDate(), b.localDate());
        }
        if (t.product().dayPool() != null) {
            pools.put(
                    t.product().dayPool() + "|" + t.slot().localDate(), t.slot().localDate());
        }
        for (Map.Entry<String, LocalDate> e : pools.entrySet()) {
            String poolId = e.getKey().substring(0, e.getKey().lastIndexOf('|'));
            inventoryStore.ensureDayPool(c, poolId, e.getValue());
            inventoryStore.lockDayPool(c, poolId, e.getValue());
        }
    }

    /** The booking's items (same units) with the uuids and contacts of {@code built}, everything else kept. */
    private static List<Booking.UnitItem> relabelled(Booking b, List<Booking.UnitItem> built) {
        List<Booking.UnitItem> out = new java.util.ArrayList<>(built.size());
        for (int i = 0; i < built.size(); i++) {
            Booking.UnitItem was = b.unitItems().get(i);
            Booking.UnitItem now = built.get(i);
            out.add(new Booking.UnitItem(
                    now.uuid(),
                    was.position(),
                    was.unitId(),
                    now.resellerReference(),
                    was.supplierReference(),
                    was.retail(),
                    was.net(),
                    was.passId(),
                    now.contactJson()));
        }
        return out;
    }

    private static List<String> unitUuids(List<Booking.UnitItem> items) {
        return items.stream().map(Booking.UnitItem::uuid).toList();
    }

    /** The booking's items as requested again (same units, same references). */
    private static List<BookingCommands.Item> current(Booking b) {
        return b.unitItems().stream()
                .map(u -> new BookingCommands.Item(u.unitId(), u.resellerReference()))
                .toList();
    }

    /** The booking's items mapped onto the units of another option by unit type (ADULT → its ADULT…). */
    private List<BookingCommands.Item> byType(Channel ch, Booking b, CatalogueService.OptionView target) {
        CatalogueService.OptionView was =
                catalogue.product(b.productId(), ch.id()).option(b.optionId());
        return b.unitItems().stream()
                .map(u -> {
                    Unit old = was == null ? null : was.unit(u.unitId());
                    Unit same = old == null
                            ? null
                            : target.units().stream()
                                    .filter(n -> n.type().equals(old.type()))
                                    .findFirst()
                                    .orElse(null);
                    if (same == null) {
                        throw new ServiceException(
                                Problem.UNPROCESSABLE_ENTITY,
                                "the new option has no unit like " + u.unitId() + ": give unitItems",
                                u.unitId());
                    }
                    return new BookingCommands.Item(same.id(), u.resellerReference());
                })
                .toList();
    }

    private static List<String> unitIds(List<Booking.UnitItem> items) {
        return items.stream().map(Booking.UnitItem::unitId).toList();
    }

    private static Map<String, Unit> units(CatalogueService.OptionView ov) {
        Map<String, Unit> m = new HashMap<>();
        for (Unit u : ov.units()) {
            m.put(u.id(), u);
        }
        return m;
    }
}
