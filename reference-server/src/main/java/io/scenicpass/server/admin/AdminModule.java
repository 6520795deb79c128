package io.scenicpass.server.admin;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.admin.store.BlacklistStore;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.SalesModule;

/** The operator's side: site (zones, gates), blacklist, settings and the admin token; the admin API. */
public final class AdminModule {
    public final AdminService admin;
    public final AdminApi api;

    public AdminModule(Platform p, SalesModule sales, ChannelsModule channels, KeyService keys) {
        admin = new AdminService(p.db(), new SettingStore(), new BlacklistStore(), new SiteStore(), p.clock());
        api = new AdminApi(
                admin,
                sales.catalogue,
                sales.inventory,
                sales.capacity,
                channels.channels,
                keys,
                sales.passes,
                sales.onlineClaims);
    }
}
