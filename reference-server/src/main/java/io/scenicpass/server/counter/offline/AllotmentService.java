package io.scenicpass.server.counter.offline;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.Sellers;
import io.scenicpass.server.counter.offline.store.AllotmentStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.DeviceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-device allotments: places of a slot reserved for one box office so it can sell them while the cloud is down.
 * The unsold part of an allotment is held in the slot's (and its daily pool's) counters, so every channel sells from
 * what is left and the slot never oversells; lowering an allotment gives back only unsold places.
 */
public final class AllotmentService {
    private final Database db;
    private final Clock clock;
    private final AllotmentStore allotments;
    private final InventoryStore inventory;
    private final CatalogueStore catalogue;
    private final DeviceStore devices;
    private final InventoryService inventoryService;
    private final CatalogueService catalogueService;
    private final String channelId;
    private final String areaId;

    public AllotmentService(
            Database db,
            Clock clock,
            AllotmentStore allotments,
            InventoryStore inventory,
            CatalogueStore catalogue,
            DeviceStore devices,
            InventoryService inventoryService,
            CatalogueService catalogueService,
            String channelId,
            String areaId) {
        this.catalogueService = catalogueService;
        this.channelId = channelId;
        this.areaId = areaId;
        this.db = db;
        this.clock = clock;
        this.allotments = allotments;
        this.inventory = inventory;
        this.catalogue = catalogue;
        this.devices = devices;
        this.inventoryService = inventoryService;
    }

    /**
     * Sets a device's allotment on a slot to {@code quantity}: reserves the places added out of the slot's vacancies
     * (422 when there are not enough), gives back the places taken away (409 when below what the device has sold).
     */
    public AllotmentStore.Row put(String deviceId, String slotId, int quantity) {
        Bounds.capacity("quantity", quantity);
        if (deviceId == null || slotId == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "deviceId and slotId are required");
        }
        AllotmentStore.Row row;
        try {
            row = putTx(deviceId, slotId, quantity);
        } catch (ServiceException e) {
            // sold out? expired holds may still occupy the slot: give them back (lazy check) and try once more
            if (e.problem() != Problem.UNPROCESSABLE_ENTITY || inventoryService.expireDueHolds(slotId) == 0) {
                throw e;
            }
            row = putTx(deviceId, slotId, quantity);
        }
        inventoryService.countersChanged();
        return row;
    }

    private AllotmentStore.Row putTx(String deviceId, String slotId, int quantity) {
        return db.tx(c -> {
            Sellers.boxOffice(
                    devices.find(c, deviceId)
                            .filter(d -> !d.revoked())
                            .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such device", deviceId)),
                    "an allotment for offline selling");
            Slot slot = inventory
                    .slot(c, slotId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such slot", slotId));
            // the one lock order of every path: slot row, then allotment row, then day pool row
            inventory.lockSlot(c, slotId);
            AllotmentStore.Row old = allotments
                    .lock(c, deviceId, slotId)
                    .orElse(new AllotmentStore.Row(deviceId, slotId, 0, 0, clock.instant()));
            if (quantity < old.sold()) {
                throw new ServiceException(
                        Problem.CONFLICT,
                        "quantity " + quantity + " is below the " + old.sold() + " places this device has sold",
                        slotId);
            }
            move(c, slot, quantity - old.quantity());
            allotments.put(c, deviceId, slotId, quantity, clock.instant());
            return allotments.lock(c, deviceId, slotId).orElseThrow();
        });
    }

    /** Every device's allotments. */
    public List<AllotmentStore.Row> all() {
        return db.read(allotments::all);
    }

    /** A device's allotments on slots not over yet, with what it needs to sell and sign passes offline. */
    public DeviceAllotment.Answer ofDevice(String deviceId) {
        List<DeviceAllotment> out = new ArrayList<>();
        for (AllotmentStore.Row r : db.read(c -> allotments.ofDevice(c, deviceId, clock.instant()))) {
            Slot slot = inventoryService.findSlot(r.slotId()).orElseThrow();
            CatalogueService.ProductView pv;
            try {
                pv = catalogueService.product(slot.productId(), channelId);
            } catch (ServiceException e) {
                continue; // the product is no longer sold
            }
            CatalogueService.OptionView ov = pv.option(slot.optionId());
            if (ov == null) {
                continue; // the option is no longer sold
            }
            List<DeviceAllotment.UnitPrice> units = new ArrayList<>();
            for (Unit u : ov.units()) {
                Price price = ov.price(u.id());
                if (price != null) {
                    units.add(new DeviceAllotment.UnitPrice(
                            u.id(),
                            u.type(),
                            u.internalName(),
                            price.retail(),
                            u.paxCount(),
                            IssuanceService.concession(u),
                            u.minAge(),
                            u.maxAge()));
                }
            }
            Product p = pv.product();
            IssuanceService.Validity v = IssuanceService.validity(p, slot);
            out.add(new DeviceAllotment(
                    slot.id(),
                    p.id(),
                    p.internalName(),
                    slot.optionId(),
                    slot.localDate(),
                    slot.localStart(),
                    slot.localEnd(),
                    slot.startAt(),
                    slot.endAt(),
                    r.quantity(),
                    r.sold(),
                    p.currency(),
                    units,
                    new DeviceAllotment.PassTemplate(areaId, p.id(), v.kind().name(), v.from(), v.until(), p.zones())));
        }
        return new DeviceAllotment.Answer(areaId, out);
    }

    /** Holds {@code delta} more places in the slot and its day pool (or releases {@code -delta}), in the caller's tx. */
    private void move(Connection c, Slot slot, int delta) throws SQLException {
        if (delta == 0) {
            return;
        }
        String pool =
                catalogue.product(c, slot.productId()).map(Product::dayPool).orElse(null);
        if (delta > 0) {
            if (!inventory.tryHold(c, slot.id(), delta)) {
                throw inventoryService.places().refusal(c, slot);
            }
            if (pool != null) {
                inventory.ensureDayPool(c, pool, slot.localDate());
                if (!inventory.tryHoldDay(c, pool, slot.localDate(), delta)) {
                    throw new ServiceException(
                            Problem.UNPROCESSABLE_ENTITY, "sold out: the daily capacity is reached", slot.localStart());
                }
            }
            return;
        }
        boolean ok = inventory.releaseHeld(c, slot.id(), -delta);
        if (pool != null) {
            ok &= inventory.releaseDayHeld(c, pool, slot.localDate(), -delta);
        }
        if (!ok) {
            throw new IllegalStateException("inventory counters out of step for the allotments of slot " + slot.id()
                    + " (see POST /admin/v1/inventory/repair)");
        }
    }
}
