package io.scenicpass.server.counter.offline;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.counter.offline.http.OfflineApi;
import io.scenicpass.server.counter.offline.store.AllotmentStore;
import io.scenicpass.server.counter.offline.store.OfflineSaleStore;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.store.DeviceStore;

/** Offline selling: per-device allotments and the sync of offline sales, as bookings of the counter channel. */
public final class OfflineModule {
    /** The channel of on-site sales (kiosk and box office). */
    public static final String CHANNEL = "counter";

    public final AllotmentService allotments;
    public final OfflineSaleService sales;

    public OfflineModule(Platform p, SalesModule salesModule, ChannelService channels) {
        ensureChannel(channels);
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
                CHANNEL,
                p.config().areaId);
        sales = new OfflineSaleService(
                p.db(),
                p.clock(),
                p.ids(),
                CHANNEL,
                allotmentStore,
                new OfflineSaleStore(),
                inventory,
                salesModule.inventory,
                salesModule.catalogue,
                salesModule.identity.identities);
    }

    public OfflineApi api(AdminService admin, DeviceService devices) {
        return new OfflineApi(admin, devices, allotments, sales);
    }

    /** The bookings of offline sales belong to the counter channel: created here when no one has yet. */
    private static void ensureChannel(ChannelService channels) {
        if (channels.find(CHANNEL).isEmpty()) {
            channels.create(new Channel(CHANNEL, "Kiosk and box office", "COUNTER", null, null, 50, 100, true));
        }
    }
}
