package io.scenicpass.server.counter;

import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.counter.http.CounterApi;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.sales.SalesModule;
import io.scenicpass.server.terminal.DeviceService;

/** The counter: selling at kiosks and box offices (the sale API, its channel, completion of paid sales). */
public final class CounterModule {
    public final CounterChannel channel;
    public final CounterCatalogue catalogue;
    public final CounterSales sales;
    /** Authentication and role checks of the counter routes, for every counter API. */
    public final CounterAuth auth;

    public final CounterApi api;

    public CounterModule(
            Platform p,
            SalesModule salesModule,
            ChannelService channels,
            PaymentsModule payments,
            DeviceService devices) {
        SaleStore store = new SaleStore();
        channel = new CounterChannel(channels);
        catalogue = new CounterCatalogue(
                p.db(),
                salesModule.catalogue,
                salesModule.inventory,
                salesModule.identity.identities,
                channel,
                p.clock());
        SaleCompletion completion =
                new SaleCompletion(p.db(), store, salesModule.bookings, payments.payments, channel, p.clock());
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
    }
}
