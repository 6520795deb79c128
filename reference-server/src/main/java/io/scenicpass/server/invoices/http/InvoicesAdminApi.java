package io.scenicpass.server.invoices.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.QueryParams;
import io.scenicpass.server.invoices.InvoiceService;
import java.util.Map;

/**
 * {@code /admin/v1/invoices} (admin token): invoices newest first (by booking), one invoice, its PDF, and the
 * erasure of its buyer's data on request. Contact data is masked in every answer.
 */
public final class InvoicesAdminApi {
    private final AdminService admin;
    private final InvoiceService invoices;

    public InvoicesAdminApi(AdminService admin, InvoiceService invoices) {
        this.admin = admin;
        this.invoices = invoices;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/invoices";
        r.get(
                p,
                auth(ctx -> ctx.json(
                        invoices.list(ctx.queryParam("bookingId"), QueryParams.limit(ctx.queryParam("limit"))))));
        r.get(p + "/{id}", auth(ctx -> ctx.json(invoices.get(ctx.pathParam("id")))));
        r.get(p + "/{id}/pdf", auth(ctx -> InvoicePage.pdf(ctx, invoices.get(ctx.pathParam("id")), invoices)));
        r.post(p + "/{id}/erase", auth(ctx -> ctx.json(Map.of("erased", invoices.erase(ctx.pathParam("id"))))));
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
