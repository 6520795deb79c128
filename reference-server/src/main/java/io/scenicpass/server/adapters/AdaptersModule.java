package io.scenicpass.server.adapters;

import io.scenicpass.server.Platform;
import io.scenicpass.server.adapters.ctrip.CtripAccounts;
import io.scenicpass.server.adapters.ctrip.CtripNotices;
import io.scenicpass.server.adapters.ctrip.CtripOrders;
import io.scenicpass.server.adapters.ctrip.http.CtripApi;
import io.scenicpass.server.adapters.ctrip.store.CtripAccountStore;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.sales.SalesModule;
import java.time.Duration;

/** Resellers that do not speak OCTO, each translated onto the sales module's services: Ctrip's supplier interface. */
public final class AdaptersModule {
    public final CtripAccounts ctripAccounts;
    public final CtripNotices ctripNotices;
    public final CtripApi ctrip;

    public AdaptersModule(Platform p, SalesModule sales, ChannelsModule channels, AdminService admin) {
        CtripAccountStore store = new CtripAccountStore();
        ctripAccounts = new CtripAccounts(p.db(), store, channels.channels);
        ctripNotices = new CtripNotices(
                p.db(),
                store,
                sales.catalogue,
                sales.inventory,
                channels.webhooks,
                sales.bookings,
                channels.channels,
                p.clock());
        channels.webhooks.addFormat(ctripNotices);
        ctrip = new CtripApi(
                ctripAccounts,
                new CtripOrders(sales.bookings, sales.catalogue, sales.inventory),
                channels.channels,
                admin,
                p.clock());
    }

    /**
     * One node at a time: inventory pushes once a minute (Ctrip takes a resource's update at most that often), consumed
     * notices every 5 s (the outbox delivers them within a second or two after).
     */
    public void jobs(Jobs jobs) {
        jobs.singleton("ctrip-inventory", "Ctrip inventory pushes", Duration.ofMinutes(1), ctripNotices::pushInventory);
        jobs.singleton("ctrip-consumed", "Ctrip consumed notices", Duration.ofSeconds(5), ctripNotices::reportConsumed);
    }
}
