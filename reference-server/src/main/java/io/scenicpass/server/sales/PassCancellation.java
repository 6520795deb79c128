package io.scenicpass.server.sales;

import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.RefundLineStore;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.PassUseStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives back some or all passes of a sold booking, for a refund at the counter: only passes never used at a gate,
 * only before the slot ends (the product's cancellation cutoff is the resellers' rule, not the counter's). All of them:
 * the booking is CANCELLED as by {@link BookingService#cancel}. Some: those passes are revoked, their unit items leave
 * the booking and their places go back, the other passes stay valid. Runs in the caller's transaction, so the
 * caller's own records (the refund, the sale) commit with it; {@link #changed} after the commit.
 */
public final class PassCancellation {
    /** What was given back: the booking as it is now, the passes revoked, and what their unit items cost. */
    public record Cancelled(Booking booking, List<String> passIds, long retailFen, boolean whole, Slot slot) {}

    private final CatalogueStore catalogue;
    private final InventoryStore inventoryStore;
    private final BookingStore bookings;
    private final PassStore passes;
    private final PassUseStore passUse;
    private final InventoryService inventory;
    private final IssuanceService issuance;
    private final WebhookService webhooks;
    private final BookingLifecycle lifecycle;
    private final RefundLineStore refundLines = new RefundLineStore();

    PassCancellation(
            CatalogueStore catalogue,
            InventoryStore inventoryStore,
            BookingStore bookings,
            PassStore passes,
            PassUseStore passUse,
            InventoryService inventory,
            IssuanceService issuance,
            WebhookService webhooks,
            BookingLifecycle lifecycle) {
        this.catalogue = catalogue;
        this.inventoryStore = inventoryStore;
        this.bookings = bookings;
        this.passes = passes;
        this.passUse = passUse;
        this.inventory = inventory;
        this.issuance = issuance;
        this.webhooks = webhooks;
        this.lifecycle = lifecycle;
    }

    /**
     * Gives back {@code passIds} (null or empty: every pass of the booking) of the channel's sold booking {@code uuid}
     * at {@code now}, in the caller's transaction. UNPROCESSABLE_ENTITY (nothing changed) when a pass is not the
     * booking's, is revoked already, was used at a gate, or the slot is over.
     */
    public Cancelled cancel(
            Connection c, Channel ch, String uuid, Collection<String> passIds, String reason, Instant now)
            throws SQLException {
        Booking b = bookings.findForUpdate(c, uuid)
                .filter(x -> x.channelId().equals(ch.id()))
                .orElseThrow(() -> new ServiceException(Problem.INVALID_BOOKING_UUID, "unknown booking", uuid));
        if (!b.status().isSold()) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "a booking " + b.status() + " has no passes to give back", uuid);
        }
        Slot slot = inventoryStore.slot(c, b.slotId()).orElseThrow();
        if (!now.isBefore(slot.endAt())) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "the slot is over: its passes cannot be given back", uuid);
        }
        Map<String, PassRecord> issued = new java.util.LinkedHashMap<>();
        for (PassRecord p : passes.byBooking(c, uuid)) {
            issued.put(p.passId(), p);
        }
        Set<String> wanted = new LinkedHashSet<>(passIds == null || passIds.isEmpty() ? valid(issued) : passIds);
        for (String id : wanted) {
            PassRecord p = issued.get(id);
            if (p == null) {
                throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "pass " + id + " is not of this booking", id);
            }
            if (p.revoked()) {
                throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "pass " + id + " is revoked already", id);
            }
        }
        Map<String, Instant> used = passUse.firstEntries(c, wanted);
        if (!used.isEmpty()) {
            String id = used.keySet().iterator().next();
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "pass " + id + " was used at a gate at " + used.get(id), id);
        }
        List<Booking.UnitItem> gone = new ArrayList<>();
        List<Booking.UnitItem> kept = new ArrayList<>();
        for (Booking.UnitItem u : b.unitItems()) {
            (wanted.contains(u.passId()) ? gone : kept).add(u);
        }
        long retail = gone.stream().mapToLong(Booking.UnitItem::retail).sum();
        boolean whole = kept.isEmpty();
        if (!whole && inventory.parts.get().has(b.productId())) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "a package is given back whole or not at all, with its partners' parts",
                    uuid);
        }
        if (whole && b.status() == BookingState.CONFIRMED) {
            lifecycle.cancelIn(c, ch, b, reason, now, false);
            return new Cancelled(bookings.find(c, uuid).orElseThrow(), List.copyOf(wanted), retail, true, slot);
        }
        Product product = catalogue.product(c, b.productId()).orElseThrow();
        Map<String, Unit> units = new java.util.HashMap<>();
        for (Unit u : catalogue.units(c, b.optionId())) {
            units.put(u.id(), u);
        }
        int places =
                gone.stream().mapToInt(u -> units.get(u.unitId()).paxCount()).sum();
        int shared = b.quantity() - b.fromAllotment();
        int fromAllotment = Math.max(0, places - shared); // shared places go back first
        inventory.places().release(c, b.movedTo(product, slot, places, fromAllotment, gone), true);
        Booking rest = b.movedTo(product, slot, b.quantity() - places, b.fromAllotment() - fromAllotment, kept);
        bookings.rebook(c, rest, now);
        // the items leave the booking: the reports read what was given back from this line
        refundLines.insert(
                c,
                b,
                places,
                retail,
                gone.stream().mapToLong(Booking.UnitItem::net).sum(),
                now);
        for (String id : wanted) {
            passes.revoke(c, id, "REFUNDED", now);
        }
        webhooks.enqueue(
                c,
                ch,
                WebhookEventType.BOOKING_UPDATED,
                lifecycle.view(c, bookings.find(c, uuid).orElseThrow()));
        return new Cancelled(bookings.find(c, uuid).orElseThrow(), List.copyOf(wanted), retail, false, slot);
    }

    private static List<String> valid(Map<String, PassRecord> issued) {
        return issued.values().stream()
                .filter(p -> !p.revoked())
                .map(PassRecord::passId)
                .toList();
    }

    /**
     * Until when a sold booking of {@code product} for {@code slot} may be cancelled or changed: the product's
     * cancellation cutoff before the slot starts (the rule of OCTO cancel and update, and of the shop).
     */
    public static Instant cutoffAt(Product product, Slot slot) {
        return slot.startAt().minus(java.time.Duration.ofMinutes(product.cancelCutoffMinutes()));
    }

    /** After the transaction committed: the availability answers of the slot are out of date. */
    public void changed(Cancelled done) {
        inventory.slotChanged(done.booking().optionId(), done.booking().poolId());
    }
}
