package io.scenicpass.server.sales;

import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.sales.http.OctoViews;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.PassUseStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A booking after its hold was taken: confirm, extend, update, cancel, and reading it back (which expires a due hold
 * on the way). Each state change is a compare-and-set ({@link BookingStore#transition}) in the transaction that
 * moves the counters, issues or revokes the passes and enqueues the webhook.
 */
final class BookingLifecycle {
    private final Database db;
    private final CatalogueStore catalogue;
    private final InventoryStore inventoryStore;
    private final BookingStore bookings;
    private final PassStore passes;
    /** Pass use, for the unit items of a REDEEMED booking (stateless). */
    private final PassUseStore passUse;

    private final InventoryService inventory;
    private final IssuanceService issuance;
    private final WebhookService webhooks;
    private final HoldPolicy holds;
    private final Clock clock;
    /** Moves to another availability, unit items, product or option (PATCH, confirm with unit items). */
    private final BookingChanges changes;

    private final IdentityService identities;
    /** What offers took off the bookings' prices (shown in the OCTO views). */
    private volatile Discounts discounts = Discounts.NONE;

    BookingLifecycle(
            Database db,
            CatalogueStore catalogue,
            InventoryStore inventoryStore,
            BookingStore bookings,
            PassStore passes,
            InventoryService inventory,
            IssuanceService issuance,
            WebhookService webhooks,
            HoldPolicy holds,
            Clock clock,
            BookingChanges changes,
            IdentityService identities) {
        this.identities = identities;
        this.db = db;
        this.changes = changes;
        this.passUse = new PassUseStore(db.dialect());
        this.catalogue = catalogue;
        this.inventoryStore = inventoryStore;
        this.bookings = bookings;
        this.passes = passes;
        this.inventory = inventory;
        this.issuance = issuance;
        this.webhooks = webhooks;
        this.holds = holds;
        this.clock = clock;
    }

    Booking confirm(Channel ch, String uuid, BookingCommands.Confirm cmd) {
        Booking current = get(ch, uuid); // also expires the hold lazily
        if (current.status().isSold()) {
            return current; // a retried confirm
        }
        if (current.status() == BookingState.EXPIRED) {
            throw expired(uuid);
        }
        if (!current.status().canConfirm()) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "booking is " + current.status(), uuid);
        }
        // unit items given at confirm replace the held ones (checked before anything is written)
        BookingChanges.Target t =
                cmd == null || cmd.unitItems() == null || cmd.unitItems().isEmpty()
                        ? null
                        : changes.resolve(ch, current, null, null, null, cmd.unitItems());
        Instant now = clock.instant();
        db.tx(c -> {
            Booking found = bookings.find(c, uuid).orElseThrow();
            if (!found.status().canConfirm()) {
                return null; // a concurrent confirm won; answer with its result below
            }
            if (!found.expiresAt().isAfter(now)) {
                inventory.places().expireIfDue(c, found);
                return null;
            }
            Booking b = t == null ? found : changes.apply(c, ch, current, t, now);
            if (b == null) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "the booking is being changed by another request: retry", uuid);
            }
            sell(c, ch, b, cmd == null ? null : cmd.details(), cmd == null ? null : cmd.identities(), now);
            return null;
        });
        inventory.slotChanged(current.optionId(), current.poolId());
        Booking after = get(ch, uuid);
        if (after.status() == BookingState.EXPIRED) {
            throw expired(uuid);
        }
        return after;
    }

    /**
     * Confirms a held booking in the caller's transaction: the details, the sale, the passes and the webhook. False
     * when it was no longer ON_HOLD (a concurrent change won). Also the step of an order's all-or-nothing confirm.
     */
    boolean sell(
            Connection c,
            Channel ch,
            Booking b,
            BookingCommands.Details details,
            List<IdentityInput> documents,
            Instant now)
            throws SQLException {
        String uuid = b.uuid();
        if (details != null) {
            updateDetails(c, uuid, details, now);
        }
        if (!bookings.transition(c, uuid, BookingState.ON_HOLD, BookingState.CONFIRMED, now)) {
            return false;
        }
        inventory.places().sell(c, b);
        Product product = catalogue.product(c, b.productId()).orElseThrow();
        Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
        Map<String, Unit> units = units(c, b.optionId());
        // documents given now, then the real-name policy's requirements (a refusal rolls the confirm back)
        identities.confirming(c, b, units, documents);
        issuance.issue(c, b, product, slot, units);
        inventory.parts.get().sold(c, b, now); // a package's vouchers
        webhooks.enqueue(
                c,
                ch,
                WebhookEventType.BOOKING_CONFIRMED,
                view(c, bookings.find(c, uuid).orElseThrow()));
        return true;
    }

    Booking extend(Channel ch, String uuid, BookingCommands.Extend cmd) {
        Booking b = get(ch, uuid);
        if (b.status() == BookingState.EXPIRED) {
            throw expired(uuid);
        }
        if (b.status() != BookingState.ON_HOLD) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "only a booking ON_HOLD can be extended", uuid);
        }
        Duration length = holds.length(cmd == null ? null : cmd.expirationMinutes());
        Instant now = clock.instant();
        db.tx(c -> {
            bookings.setExpiry(c, uuid, now.plus(length), now);
            return null;
        });
        return get(ch, uuid);
    }

    /**
     * Updates details, extends a hold and moves the booking ({@link BookingChanges}), all in one transaction: a refused
     * move (sold out, cutoff passed) changes nothing. Re-resolved when the booking changed meanwhile, and once more
     * after giving back expired holds of a sold-out target slot.
     */
    Booking update(Channel ch, String uuid, BookingCommands.Update cmd) {
        if (!cmd.identifiedItems().isEmpty()) { // documents for the booking's own unit items, before anything else
            giveDocuments(get(ch, uuid), cmd.identifiedItems());
        }
        boolean expiredFreed = false;
        for (int attempt = 1; ; attempt++) {
            Booking b = get(ch, uuid);
            if (b.status() == BookingState.EXPIRED) {
                throw expired(uuid);
            }
            if (cmd.expirationMinutes() != null && b.status() != BookingState.ON_HOLD) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "only a booking ON_HOLD can be extended", uuid);
            }
            BookingChanges.Target t =
                    changes.resolve(ch, b, cmd.productId(), cmd.optionId(), cmd.availabilityId(), cmd.unitItems());
            Instant now = clock.instant();
            boolean done;
            try {
                done = db.tx(c -> {
                    if (t != null && changes.apply(c, ch, b, t, now) == null) {
                        return false;
                    }
                    if (cmd.expirationMinutes() != null) {
                        bookings.setExpiry(c, uuid, now.plus(holds.length(cmd.expirationMinutes())), now);
                    }
                    updateDetails(c, uuid, cmd.details(), now);
                    if (t != null && b.status().isSold()) {
                        // a sold booking keeps its real-name rules through a change: an item that needs a document
                        // (a new concession unit, another product's policy) must have one, or nothing changes
                        Booking moved = bookings.find(c, uuid).orElseThrow();
                        identities.confirming(c, moved, units(c, moved.optionId()), null);
                        webhooks.enqueue(
                                c,
                                ch,
                                WebhookEventType.BOOKING_UPDATED,
                                view(c, bookings.find(c, uuid).orElseThrow()));
                    }
                    return true;
                });
            } catch (ServiceException e) {
                if (t == null
                        || expiredFreed
                        || e.problem() != Problem.UNPROCESSABLE_ENTITY
                        || inventory.expireDueHolds(t.slot().id()) == 0) {
                    throw e;
                }
                expiredFreed = true; // expired holds gave places back: try once more
                continue;
            }
            if (t != null) {
                inventory.slotChanged(b.optionId(), b.poolId());
                inventory.slotChanged(t.slot().optionId(), t.product().dayPool());
            }
            if (done) {
                return get(ch, uuid);
            }
            if (attempt == 3) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "the booking is being changed by another request: retry", uuid);
            }
        }
    }

    Booking cancel(Channel ch, String uuid, BookingCommands.Cancel cmd) {
        Booking current = get(ch, uuid);
        String reason = cmd == null ? null : cmd.reason();
        if (current.status() == BookingState.CANCELLED) {
            return current;
        }
        if (!current.status().canCancel()) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "a booking " + current.status() + " cannot be cancelled", uuid);
        }
        Instant now = clock.instant();
        db.tx(c -> {
            cancelIn(c, ch, bookings.find(c, uuid).orElseThrow(), reason, now);
            return null;
        });
        inventory.slotChanged(current.optionId(), current.poolId());
        Booking after = get(ch, uuid);
        if (after.status() != BookingState.CANCELLED) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "booking is " + after.status(), uuid);
        }
        return after;
    }

    /**
     * Cancels {@code b} in the caller's transaction: places back, passes revoked, the webhook for a sold one. Refused
     * after the cancellation cutoff; nothing done when it can no longer be cancelled (a concurrent change won).
     */
    void cancelIn(Connection c, Channel ch, Booking b, String reason, Instant now) throws SQLException {
        cancelIn(c, ch, b, reason, now, true);
    }

    /** {@link #cancelIn}; {@code cutoff} false: the counter's refund, which has rules of its own (PassCancellation). */
    void cancelIn(Connection c, Channel ch, Booking b, String reason, Instant now, boolean cutoff) throws SQLException {
        String uuid = b.uuid();
        BookingState was = b.status();
        if (!was.canCancel()) {
            return;
        }
        if (was.isSold() && cutoff) {
            Product product = catalogue.product(c, b.productId()).orElseThrow();
            Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
            if (!cancellable(was, product, slot, now)) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "the cancellation cutoff (" + product.cancelCutoffMinutes()
                                + " minutes before the slot) has passed",
                        uuid);
            }
        }
        if (was.isSold()) { // a package: the strictest cutoff of its parts (at the counter too)
            inventory.parts.get().cancelling(c, b, now);
        }
        if (bookings.transition(c, uuid, was, BookingState.CANCELLED, now)) {
            inventory.places().release(c, b, was.isSold());
            inventory.parts.get().released(c, b, now);
            bookings.setCancellation(c, uuid, was.cancelRefund(), reason);
            if (was.isSold()) {
                issuance.revokeAll(c, uuid, "CANCELLED");
                webhooks.enqueue(
                        c,
                        ch,
                        WebhookEventType.BOOKING_CANCELLED,
                        view(c, bookings.find(c, uuid).orElseThrow()));
            }
        }
    }

    Booking get(Channel ch, String uuid) {
        Booking b = db.read(c -> bookings.find(c, uuid).orElse(null));
        if (b == null || !b.channelId().equals(ch.id())) {
            throw new ServiceException(Problem.INVALID_BOOKING_UUID, "unknown booking", uuid);
        }
        if (b.status() == BookingState.ON_HOLD && !b.expiresAt().isAfter(clock.instant())) {
            db.tx(c -> inventory.places().expireIfDue(c, b));
            inventory.slotChanged(b.optionId(), b.poolId());
            return db.read(c -> bookings.find(c, uuid).orElseThrow());
        }
        return b;
    }

    List<Booking> list(
            Channel ch, String resellerRef, String supplierRef, LocalDate from, LocalDate to, int offset, int limit) {
        if (resellerRef == null && supplierRef == null && from == null && to == null) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    "give a filter: resellerReference, supplierReference or localDate / localDateStart+localDateEnd");
        }
        return db.read(c -> bookings.list(c, ch.id(), resellerRef, supplierRef, from, to, offset, limit));
    }

    io.scenicpass.channel.model.Booking view(Connection c, Booking b) throws SQLException {
        Product product = catalogue.product(c, b.productId()).orElseThrow();
        Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
        List<PassRecord> issued = passes.byBooking(c, b.uuid());
        Map<String, Instant> used = Map.of();
        if (b.status() == BookingState.REDEEMED) {
            used = passUse.firstEntries(
                    c, issued.stream().map(PassRecord::passId).toList());
        }
        io.scenicpass.channel.model.Booking view = OctoViews.booking(
                b,
                slot,
                product,
                issued,
                used,
                units(c, b.optionId()),
                cancellable(b.status(), product, slot, clock.instant()),
                true,
                identities.masked(c, b.uuid()));
        inventory.parts.get().show(c, b, view); // a package's vouchers
        return io.scenicpass.server.sales.http.OctoOffers.decorate(view, discounts.applied(c, b.uuid()));
    }

    void discounts(Discounts d) {
        discounts = d;
    }

    /**
     * A PATCH whose unit items carry documents: the booking's own items in order (same units), each giving its
     * visitor's document; anything else would change the unit items, which is not supported.
     */
    private void giveDocuments(Booking b, List<BookingCommands.Item> items) {
        boolean same = items.size() == b.unitItems().size();
        for (int i = 0; same && i < items.size(); i++) {
            String unitId = items.get(i).unitId();
            same = unitId == null || unitId.equals(b.unitItems().get(i).unitId());
        }
        if (!same) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "unit items sent with documents must be the booking's own, in order: changing unit items is not"
                            + " supported",
                    b.uuid());
        }
        if (b.status() != BookingState.ON_HOLD) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "documents can be given while the booking is ON_HOLD", b.uuid());
        }
        identities.attach(
                b,
                db.read(c -> units(c, b.optionId())),
                items.stream().map(BookingCommands.Item::identity).toList());
    }

    /** Whether a booking in state {@code s} can be cancelled now: a hold always, a sold one until the cutoff. */
    static boolean cancellable(BookingState s, Product product, Slot slot, Instant now) {
        return s.canCancel() && (!s.isSold() || !now.isAfter(PassCancellation.cutoffAt(product, slot)));
    }

    private void updateDetails(Connection c, String uuid, BookingCommands.Details d, Instant now) throws SQLException {
        bookings.updateDetails(c, uuid, d.resellerReference(), d.contactJson(), d.notes(), now);
    }

    private Map<String, Unit> units(Connection c, String optionId) throws SQLException {
        Map<String, Unit> m = new HashMap<>();
        for (Unit u : catalogue.units(c, optionId)) {
            m.put(u.id(), u);
        }
        return m;
    }

    private static ServiceException expired(String uuid) {
        return new ServiceException(Problem.INVALID_BOOKING_UUID, "the hold has expired", uuid);
    }
}
