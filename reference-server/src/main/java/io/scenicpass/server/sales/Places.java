package io.scenicpass.server.sales;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Slot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A booking's places in the inventory counters: held (the channel's allotment, the shared pool, the daily pool), sold,
 * given back, and a due hold's expiry; conditional updates in {@link InventoryStore}, in the caller's transaction.
 * Built by {@link InventoryService} ({@link InventoryService#places()}).
 */
public final class Places {
    private final Database db;
    private final InventoryStore inventory;
    private final BookingStore bookings;
    private final Clock clock;
    /** What other features sell with some products' bookings ({@link InventoryService}'s). */
    private final BookingParts.Holder parts;
    /** Whether a channel has an allotment on a slot; short-lived so admin changes show up within seconds. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> allotted =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(5))
                    .build();

    Places(Database db, InventoryStore inventory, BookingStore bookings, Clock clock, BookingParts.Holder parts) {
        this.db = db;
        this.inventory = inventory;
        this.bookings = bookings;
        this.clock = clock;
        this.parts = parts;
    }

    /** Whether the channel has an allotment on the slot (cached for a few seconds). Not inside a transaction. */
    public boolean hasAllotment(String slotId, String channelId) {
        return allotted.get(
                slotId + "|" + channelId, k -> db.read(rc -> inventory.allotmentExists(rc, slotId, channelId)));
    }

    /**
     * {@link #hasAllotment(String, String)} on the caller's connection: a transaction must never wait for a second
     * pooled connection (nor for another thread's cache load that waits for one), so a miss is read on {@code c}.
     */
    private boolean hasAllotment(Connection c, String slotId, String channelId) throws SQLException {
        String key = slotId + "|" + channelId;
        Boolean cached = allotted.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        boolean exists = inventory.allotmentExists(c, slotId, channelId);
        allotted.put(key, exists);
        return exists;
    }

    /** The exception for a hold that the database refused: closed or sold out. */
    public ServiceException refusal(Connection c, Slot slot) throws SQLException {
        Slot now = inventory.slot(c, slot.id()).orElse(slot);
        return new ServiceException(
                Problem.UNPROCESSABLE_ENTITY,
                now.closed() ? "slot is closed" : "sold out: not enough vacancies in this slot",
                slot.localStart());
    }

    /**
     * Holds {@code n} places for a channel inside the caller's transaction: the channel's allotment first,
     * then the shared pool, then the daily pool. Returns how many came from the allotment. With an allotment the slot
     * row is locked first, so the rows are taken in the one order of every path: slot, allotment, day pool.
     *
     * @throws ServiceException UNPROCESSABLE_ENTITY when sold out or closed (the transaction must roll back)
     */
    public int hold(Connection c, Slot slot, String poolId, String channelId, int n) throws SQLException {
        int fromAllotment = 0;
        boolean hasAllotment = hasAllotment(c, slot.id(), channelId);
        if (hasAllotment) {
            inventory.lockSlot(c, slot.id());
        }
        if (hasAllotment && inventory.tryHoldAllotment(c, slot.id(), channelId, n)) {
            fromAllotment = n;
        } else if (!inventory.tryHold(c, slot.id(), n)) {
            throw refusal(c, slot);
        }
        if (poolId != null) {
            boolean ok = inventory.tryHoldDay(c, poolId, slot.localDate(), n);
            if (!ok) { // maybe the day's pool row does not exist yet
                inventory.ensureDayPool(c, poolId, slot.localDate());
                ok = inventory.tryHoldDay(c, poolId, slot.localDate(), n);
            }
            if (!ok) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "sold out: the daily capacity is reached", slot.localStart());
            }
        }
        return fromAllotment;
    }

    /** Moves a booking's places from held to sold (confirm). */
    public void sell(Connection c, Booking b) throws SQLException {
        int shared = b.quantity() - b.fromAllotment();
        boolean ok = shared == 0 || inventory.holdToSold(c, b.slotId(), shared);
        if (b.fromAllotment() > 0) {
            ok &= inventory.allotmentHoldToSold(c, b.slotId(), b.channelId(), b.fromAllotment());
        }
        if (b.poolId() != null) {
            ok &= inventory.dayHoldToSold(c, b.poolId(), b.localDate(), b.quantity());
        }
        if (!ok) {
            throw new IllegalStateException("inventory counters out of step for booking " + b.uuid()
                    + " (see POST /admin/v1/inventory/repair)");
        }
    }

    /**
     * Gives a booking's places back (hold expiry or cancellation). Like {@link #sell}, refuses (the transaction rolls
     * back) when a counter holds fewer places than the booking: the drift is reported, not silently carried on.
     */
    public void release(Connection c, Booking b, boolean wasSold) throws SQLException {
        int shared = b.quantity() - b.fromAllotment();
        boolean ok = true;
        if (shared > 0) {
            ok = wasSold ? inventory.releaseSold(c, b.slotId(), shared) : inventory.releaseHeld(c, b.slotId(), shared);
        }
        if (b.fromAllotment() > 0) {
            ok &= inventory.releaseAllotment(c, b.slotId(), b.channelId(), b.fromAllotment(), wasSold);
        }
        if (b.poolId() != null) {
            ok &= wasSold
                    ? inventory.releaseDaySold(c, b.poolId(), b.localDate(), b.quantity())
                    : inventory.releaseDayHeld(c, b.poolId(), b.localDate(), b.quantity());
        }
        if (!ok) {
            throw new IllegalStateException("inventory counters out of step for booking " + b.uuid()
                    + " (see POST /admin/v1/inventory/repair)");
        }
    }

    /** Expires one hold if due (compare-and-set on the booking status); true when this call expired it. */
    public boolean expireIfDue(Connection c, Booking b) throws SQLException {
        if (!bookings.expireIfDue(c, b.uuid(), clock.instant())) {
            return false;
        }
        release(c, b, false);
        parts.get().released(c, b, clock.instant());
        return true;
    }

    /** A channel's allotment on a slot changed: forget whether it had one. */
    void allotmentChanged(String slotId, String channelId) {
        allotted.invalidate(slotId + "|" + channelId);
    }
}
