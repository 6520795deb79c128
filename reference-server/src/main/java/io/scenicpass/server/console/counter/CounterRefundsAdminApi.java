package io.scenicpass.server.console.counter;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.console.http.AdminGuard;
import io.scenicpass.server.counter.boxoffice.CounterRefunds;
import io.scenicpass.server.http.RequestBodies;
import java.util.List;

/**
 * {@code POST /admin/v1/counter/sales/{saleId}/refund} {reason, passIds}: the console's refund of a counter sale through
 * the admin API (BOOKINGS_REFUND; audited by the admin guard, which also names the operator on the refund).
 */
final class CounterRefundsAdminApi {
    record RefundBody(String reason, List<String> passIds) {}

    private final AdminService admin;
    private final CounterRefunds refunds;

    CounterRefundsAdminApi(AdminService admin, CounterRefunds refunds) {
        this.admin = admin;
        this.refunds = refunds;
    }

    void register(RoutesConfig r) {
        r.post("/admin/v1/counter/sales/{saleId}/refund", AdminApi.authenticated(admin, ctx -> {
            RefundBody b = RequestBodies.ADMIN.read(ctx, RefundBody.class);
            ctx.json(refunds.refundByOperator(
                    ctx.pathParam("saleId"),
                    b == null ? null : b.passIds(),
                    b == null ? null : b.reason(),
                    AdminGuard.caller(ctx).actor()));
        }));
    }
}
