package io.scenicpass.server.packages.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.packages.Packages;
import io.scenicpass.server.packages.Partners;
import java.util.Map;

/**
 * The operator's side of packages (admin token or an operator's right, see console RouteRights): partners and their
 * API tokens, resources, allotments, package products and what a booking's parts are.
 */
public final class PackagesAdminApi {
    private final AdminService admin;
    private final Partners partners;
    private final Packages packages;

    public PackagesAdminApi(AdminService admin, Partners partners, Packages packages) {
        this.admin = admin;
        this.partners = partners;
        this.packages = packages;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/partners";
        r.get(p, auth(ctx -> ctx.json(partners.partners())));
        r.get(p + "/{id}", auth(ctx -> ctx.json(partners.partner(ctx.pathParam("id")))));
        r.put(
                p + "/{id}",
                auth(ctx -> ctx.json(partners.putPartner(
                        ctx.pathParam("id"), RequestBodies.ADMIN.read(ctx, Partners.PartnerInput.class)))));
        r.post(
                p + "/{id}/token",
                auth(ctx -> ctx.status(201).json(Map.of("token", partners.newToken(ctx.pathParam("id"))))));
        r.get(p + "/{id}/resources", auth(ctx -> ctx.json(partners.resources(ctx.pathParam("id")))));
        r.put(
                p + "/{id}/resources/{resourceId}",
                auth(ctx -> ctx.json(partners.putResource(
                        ctx.pathParam("id"),
                        ctx.pathParam("resourceId"),
                        RequestBodies.ADMIN.read(ctx, Partners.ResourceInput.class)))));
        r.get(
                p + "/{id}/allotments/{resourceId}",
                auth(ctx -> ctx.json(partners.allotments(
                        ctx.pathParam("id"),
                        ctx.pathParam("resourceId"),
                        ctx.queryParam("from"),
                        ctx.queryParam("to")))));
        r.put(
                p + "/{id}/allotments/{resourceId}",
                auth(ctx -> ctx.json(partners.setAllotments(
                        ctx.pathParam("id"),
                        ctx.pathParam("resourceId"),
                        RequestBodies.ADMIN.read(ctx, Partners.AllotmentInput.class)))));
        r.get("/admin/v1/packages", auth(ctx -> ctx.json(packages.all())));
        r.get("/admin/v1/packages/{productId}", auth(ctx -> ctx.json(packages.get(ctx.pathParam("productId")))));
        r.put(
                "/admin/v1/packages/{productId}",
                auth(ctx -> ctx.json(packages.put(
                        ctx.pathParam("productId"), RequestBodies.ADMIN.read(ctx, Packages.PackageInput.class)))));
        r.get("/admin/v1/package-bookings/{uuid}", auth(ctx -> ctx.json(packages.ofBooking(ctx.pathParam("uuid")))));
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
