package io.scenicpass.server.sales;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Slot;
import java.time.LocalDate;

/**
 * The operator's capacity changes: a slot's capacity, a daily pool's capacity on a date, closing a slot, a channel's
 * allotment. Each is refused when it would go below what is already sold or held, and drops the cached availability.
 */
public final class CapacityChanges {
    private final Database db;
    private final InventoryStore inventory;
    private final InventoryService service;

    public CapacityChanges(Database db, InventoryStore inventory, InventoryService service) {
        this.db = db;
        this.inventory = inventory;
        this.service = service;
    }

    /** Changes a slot's capacity; refused with CONFLICT when below what is held + sold. */
    public Slot changeCapacity(String slotId, int capacity) {
        Bounds.capacity("capacity", capacity);
        Slot changed = db.tx(c -> {
            Slot s = inventory
                    .slot(c, slotId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such slot", slotId));
            if (!inventory.setCapacity(c, slotId, capacity)) {
                Slot now = inventory.slot(c, slotId).orElse(s);
                throw new ServiceException(
                        Problem.CONFLICT,
                        "capacity " + capacity + " is below the "
                                + (now.held() + now.sold()) + " places already sold or held (sold " + now.sold()
                                + ", held "
                                + now.held() + ")",
                        slotId);
            }
            return inventory.slot(c, slotId).orElseThrow();
        });
        service.countersChanged();
        return changed;
    }

    /** A channel's allotments on slots of {@code from} or later (the first 200, by start). */
    public java.util.List<InventoryStore.Allotment> allotments(String channelId, LocalDate from) {
        return db.read(c -> inventory.allotments(c, channelId, from, 200));
    }

    /** Changes the daily capacity of a pool on one date; refused when below what is held + sold. */
    public void changeDayCapacity(String poolId, LocalDate date, int capacity) {
        Bounds.capacity("capacity", capacity);
        db.tx(c -> {
            inventory.ensureDayPool(c, poolId, date);
            if (!inventory.setDayCapacity(c, poolId, date, capacity)) {
                throw new ServiceException(
                        Problem.CONFLICT,
                        "daily capacity " + capacity + " is below the places already sold or held",
                        poolId);
            }
            return null;
        });
        service.countersChanged();
    }

    /** Closes or reopens a slot (a closed slot sells nothing; what is sold stays sold). */
    public void setClosed(String slotId, boolean closed) {
        db.tx(c -> {
            inventory
                    .slot(c, slotId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such slot", slotId));
            inventory.setClosed(c, slotId, closed);
            return null;
        });
        service.countersChanged();
    }

    /**
     * Sets a channel's allotment on a slot (on top of the shared pool); refused with CONFLICT when below what the
     * channel already sold or holds on it.
     */
    public void putAllotment(String slotId, String channelId, int capacity) {
        Bounds.capacity("capacity", capacity);
        db.tx(c -> {
            inventory
                    .slot(c, slotId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such slot", slotId));
            inventory.putAllotment(c, slotId, channelId, capacity);
            InventoryStore.Allotment a =
                    inventory.allotment(c, slotId, channelId).orElseThrow();
            if (a.capacity() != capacity) { // the conditional update left it: below what is sold or held
                throw new ServiceException(
                        Problem.CONFLICT,
                        "allotment " + capacity + " is below the " + (a.held() + a.sold())
                                + " places the channel already sold or holds",
                        slotId);
            }
            return null;
        });
        service.allotmentChanged(slotId, channelId);
    }
}
