package io.scenicpass.server.counter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.counter.CounterReport;

/**
 * {@code /admin/v1/counter} (admin token): the counter's sales of a period by device and state, and the period's
 * report (sales by device and by payment method, refunds).
 */
public final class CounterAdminApi {
    private final AdminService admin;
    private final CounterReport report;

    public CounterAdminApi(AdminService admin, CounterReport report) {
        this.admin = admin;
        this.report = report;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/counter";
        r.get(
                p + "/sales",
                auth(ctx -> ctx.json(report.sales(
                        ctx.queryParam("from"),
                        ctx.queryParam("to"),
                        ctx.queryParam("deviceId"),
                        ctx.queryParam("state"),
                        limit(ctx.queryParam("limit"))))));
        r.get(p + "/report", auth(ctx -> ctx.json(report.report(ctx.queryParam("from"), ctx.queryParam("to")))));
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }

    private static int limit(String s) {
        if (s == null) {
            return 500;
        }
        if (!s.matches("[0-9]{1,4}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 5000) {
            throw new ServiceException(Problem.BAD_REQUEST, "limit must be 1-5000");
        }
        return Integer.parseInt(s);
    }
}
