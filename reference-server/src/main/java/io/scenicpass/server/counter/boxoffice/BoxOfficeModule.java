package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.counter.boxoffice.http.BoxOfficeApi;
import io.scenicpass.server.counter.boxoffice.store.CashierStore;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore;
import io.scenicpass.server.terminal.DeviceService;

/** The staffed box office: cashiers, shifts with their cash-up, refunds at the counter; its API. */
public final class BoxOfficeModule {
    public final Cashiers cashiers;
    public final Shifts shifts;
    public final BoxOfficeApi api;

    public BoxOfficeModule(Platform p, DeviceService devices, AdminService admin) {
        cashiers = new Cashiers(p.db(), new CashierStore(), p.clock(), p.random());
        shifts = new Shifts(p.db(), new ShiftStore(), cashiers, p.clock(), p.ids(), p.json());
        api = new BoxOfficeApi(devices, admin, cashiers, shifts);
    }
}
