package io.scenicpass.server.counter.offline;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.counter.CounterChannel;
import io.scenicpass.server.counter.CounterModule;
import io.scenicpass.server.counter.offline.http.OfflineApi;
import io.scenicpass.server.counter.offline.store.AllotmentStore;
import io.scenicpass.server.counter.offline.store.OfflineSaleStore;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.terminal.store.DeviceStore;

/** Offline selling: per-device allotments and the sync of offline sales, as bookings of the counter channel. */
public final class OfflineModule {
    public final AllotmentService allotments;
    public final OfflineSaleService sales;

    private final CounterModule counter;

    public OfflineModule(Platform p, SalesModule salesModule, CounterModule counter, KeyService keys) {
        this.counter = counter;
        AllotmentStore allotmentStore = new AllotmentStore();
        InventoryStore inventory = new InventoryStore();
        allotments = new AllotmentService(
                p.db(),
                p.clock(),
                allotmentStore,
                inventory,
                new CatalogueStore(),
                new DeviceStore(),
                salesModule.inventory,
                salesModule.catalogue,
                CounterChannel.ID,
                p.config().areaId);
        sales = new OfflineSaleService(
                p.db(),
                p.clock(),
                p.ids(),
                counter.channel,
                allotmentStore,
                new OfflineSaleStore(),
                inventory,
                salesModule.inventory,
                salesModule.catalogue,
                salesModule.identity.identities,
                keys);
    }

    public OfflineApi api(AdminService admin) {
        return new OfflineApi(admin, counter.auth, allotments, sales);
    }
}
