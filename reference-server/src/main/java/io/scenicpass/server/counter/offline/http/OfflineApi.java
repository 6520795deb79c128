package io.scenicpass.server.counter.offline.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.counter.offline.AllotmentService;
import io.scenicpass.server.counter.offline.OfflineSaleService;
import io.scenicpass.server.counter.offline.OfflineSales;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.util.Map;

/**
 * Offline selling over HTTP. Admin (token): {@code PUT /admin/v1/counter/allotments} sets a device's allotment on a
 * slot, {@code GET} lists them. Device (its token): {@code GET /terminal/v1/counter/allotments} what it may sell
 * offline, {@code POST /terminal/v1/counter/offline-sales} the sales it made offline (a result per sale).
 */
public final class OfflineApi {
    /** Terminal bodies as the terminal API reads them: wire JSON, unknown fields ignored, instants as text, gzip. */
    private static final RequestBodies BODIES = RequestBodies.of(WireJson.mapper())
            .ignoringUnknownFields()
            .refusingNullForPrimitives()
            .instantsAsText()
            .inflatingGzip(16L * 1024 * 1024);

    /** {@code PUT /admin/v1/counter/allotments}. */
    public record PutAllotment(String deviceId, String slotId, int quantity) {}

    private final AdminService admin;
    private final CounterAuth devices;
    private final AllotmentService allotments;
    private final OfflineSaleService sales;

    public OfflineApi(AdminService admin, CounterAuth devices, AllotmentService allotments, OfflineSaleService sales) {
        this.admin = admin;
        this.devices = devices;
        this.allotments = allotments;
        this.sales = sales;
    }

    public void register(RoutesConfig r) {
        String a = "/admin/v1/counter/allotments";
        r.put(a, AdminApi.authenticated(admin, ctx -> {
            PutAllotment put = RequestBodies.ADMIN.read(ctx, PutAllotment.class);
            ctx.json(allotments.put(put.deviceId(), put.slotId(), put.quantity()));
        }));
        r.get(a, AdminApi.authenticated(admin, ctx -> ctx.json(Map.of("allotments", allotments.all()))));
        String t = "/terminal/v1/counter";
        r.get(
                t + "/allotments",
                device(ctx -> ctx.json(allotments.ofDevice(current(ctx).id()))));
        r.post(
                t + "/offline-sales",
                device(ctx -> ctx.json(sales.sync(current(ctx), BODIES.read(ctx, OfflineSales.Batch.class)))));
    }

    private Handler device(Handler h) {
        return ctx -> {
            ctx.attribute("offline.device", devices.boxOffice(ctx, "offline selling"));
            h.handle(ctx);
        };
    }

    private static DeviceRow current(Context ctx) {
        return ctx.attribute("offline.device");
    }
}
