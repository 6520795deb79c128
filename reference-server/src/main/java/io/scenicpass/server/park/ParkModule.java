package io.scenicpass.server.park;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.park.http.ParkAdminApi;
import io.scenicpass.server.park.http.ParkApi;
import io.scenicpass.server.park.http.ParkPage;
import io.scenicpass.server.park.store.NoticeStore;
import io.scenicpass.server.park.store.WarningStore;
import io.scenicpass.server.park.store.ZoneStore;
import io.scenicpass.server.shop.ShopPages;

/**
 * In the park, wired in one place from the platform and the flow: zones, notices, warnings, the page's view; then
 * {@link #jobs(Jobs)} for the warnings' delivery and crowd alerts seen by no listener.
 */
public final class ParkModule {
    public final Zones zones;
    public final Notices notices;
    public final Warnings warnings;
    public final ParkService park;
    private final FlowModule flow;

    public ParkModule(Platform p, FlowModule flow, VisitorMessages messages) {
        this.flow = flow;
        WarningStore warningStore = new WarningStore();
        zones = new Zones(p.db(), new ZoneStore());
        warnings = new Warnings(
                p.db(), warningStore, messages, p.clock(), flow.config.zone(), flow.config.parkZone(), p.json());
        notices = new Notices(p.db(), new NoticeStore(), warningStore, warnings, p.clock());
        park = new ParkService(zones, notices, flow.flow, flow.config.parkZone());
        flow.alerts.onRaised(a -> {
            warnings.fromAlert(a);
            warnings.deliver();
        });
    }

    /** The admin API (zones, notices, warnings) behind the admin token. */
    public ParkAdminApi adminApi(AdminService admin) {
        return new ParkAdminApi(admin, zones, notices, warnings);
    }

    /** The park page's JSON for visitors. */
    public ParkApi api() {
        return new ParkApi(park, flow.config.zone());
    }

    /** The page {@code /shop/park} in the shop's frame. */
    public ParkPage page(ShopPages pages) {
        return new ParkPage(park, pages, flow.config.zone());
    }

    /** Warnings delivered (retried) and crowd alerts raised elsewhere picked up, on one node at a time. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "park-warnings",
                "park warnings to visitors",
                flow.config.alertInterval(),
                warnings.job(() -> flow.alerts.alerts(100)));
    }
}
