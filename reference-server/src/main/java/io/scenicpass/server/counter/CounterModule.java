package io.scenicpass.server.counter;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.counter.http.CounterAdminApi;
import io.scenicpass.server.counter.http.CounterApi;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.terminal.DeviceService;
import java.time.Duration;

/** The counter: selling at kiosks and box offices (the sale API, its channel, completion of paid sales). */
public final class CounterModule {
    public final CounterChannel channel;
    public final CounterCatalogue catalogue;
    public final CounterSales sales;
    /** Authentication and role checks of the counter routes, for every counter API. */
    public final CounterAuth auth;

    public final CounterApi api;
    /** Sales list and report for the operators (admin API, dashboard). */
    public final CounterReport report;

    /** How long an open sale rests between two visits of the sweep. */
    public static final Duration SWEEP_QUIET = Duration.ofSeconds(30);

    private final SaleCompletion completion;
    private final Platform platform;

    public CounterModule(
            Platform p,
            SalesModule salesModule,
            ChannelService channels,
            PaymentsModule payments,
            DeviceService devices) {
        platform = p;
        SaleStore store = new SaleStore();
        channel = new CounterChannel(channels);
        catalogue = new CounterCatalogue(
                p.db(),
                salesModule.catalogue,
                salesModule.inventory,
                salesModule.identity.identities,
                channel,
                p.clock());
        completion = new SaleCompletion(p.db(), store, salesModule.bookings, payments.payments, channel, p.clock());
        payments.payments.onPaid(completion::paid);
        SaleViews views = new SaleViews(
                p.db(),
                salesModule.bookings,
                salesModule.catalogue,
                salesModule.passes,
                salesModule.identity.identities,
                payments.payments,
                channel);
        sales = new CounterSales(
                p.db(),
                store,
                salesModule.bookings,
                salesModule.catalogue,
                salesModule.identity.identities,
                payments.payments,
                channel,
                completion,
                views,
                p.clock());
        auth = new CounterAuth(devices);
        api = new CounterApi(auth, catalogue, sales);
        report = new CounterReport(p.db(), store, catalogue::parkZone, p.clock());
    }

    /** The operators' routes under {@code /admin/v1/counter}. */
    public CounterAdminApi adminApi(AdminService admin) {
        return new CounterAdminApi(admin, report);
    }

    /** Settles the open sales nobody looked at (expired holds, late payments, interrupted confirmations) once. */
    public int sweep() {
        return completion.sweep(SWEEP_QUIET);
    }

    /** The sweep: one node at a time, every job interval. */
    public void jobs(Jobs jobs) {
        jobs.singleton(
                "counter-sweep",
                "counter sale sweeps",
                Duration.ofMillis(Math.max(1, platform.config().jobInterval.toMillis())),
                this::sweep);
    }
}
