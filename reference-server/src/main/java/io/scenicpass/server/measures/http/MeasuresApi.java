package io.scenicpass.server.measures.http;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.measures.Measures;

/**
 * {@code GET /admin/v1/measures?from=&to=&channel=} (admin token or an operator's reports right): the measures of
 * the period's park days (from/to as in the reports; default today) by day and channel, for one channel or all.
 */
public final class MeasuresApi {
    private final AdminService admin;
    private final Measures measures;

    public MeasuresApi(AdminService admin, Measures measures) {
        this.admin = admin;
        this.measures = measures;
    }

    public void register(RoutesConfig r) {
        r.get(
                "/admin/v1/measures",
                AdminApi.authenticated(
                        admin,
                        ctx -> ctx.header("Cache-Control", "no-store")
                                .json(measures.report(
                                        measures.period(ctx.queryParam("from"), ctx.queryParam("to")),
                                        Measures.channel(ctx.queryParam("channel"))))));
    }
}
