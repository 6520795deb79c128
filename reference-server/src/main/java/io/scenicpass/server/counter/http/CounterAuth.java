package io.scenicpass.server.counter.http;

import io.javalin.http.Context;
import io.scenicpass.server.counter.Sellers;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;

/**
 * The device of a counter request ({@code Authorization: Device <token>}, checked every time like the gates'), with
 * its role checked: every counter API (sales, shifts, pick-up, …) authenticates through this.
 */
public final class CounterAuth {
    private final DeviceService devices;

    public CounterAuth(DeviceService devices) {
        this.devices = devices;
    }

    /** A kiosk or box office; 401/403 otherwise (NOT_A_SELLER for a gate). */
    public DeviceRow seller(Context ctx) {
        return Sellers.seller(devices.authenticate(ctx.header("Authorization")));
    }

    /** A box office; 403 BOX_OFFICE_ONLY for a kiosk. {@code what} names the refused action in the message. */
    public DeviceRow boxOffice(Context ctx, String what) {
        return Sellers.boxOffice(devices.authenticate(ctx.header("Authorization")), what);
    }
}
