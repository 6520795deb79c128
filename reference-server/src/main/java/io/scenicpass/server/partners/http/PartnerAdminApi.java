package io.scenicpass.server.partners.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.partners.Partner;
import io.scenicpass.server.partners.Partners;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's partners (admin token): {@code POST|GET /admin/v1/partners}, {@code GET /admin/v1/partners/{id}},
 * {@code POST /admin/v1/partners/{id}/keys} (rotate: a new key, the older ones revoked). Keys are shown once.
 */
public final class PartnerAdminApi {
    private final AdminService admin;
    private final Partners partners;

    public PartnerAdminApi(AdminService admin, Partners partners) {
        this.admin = admin;
        this.partners = partners;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/partners";
        r.post(
                p,
                auth(ctx -> ctx.status(201)
                        .json(withKey(partners.create(RequestBodies.ADMIN.read(ctx, Partners.Input.class))))));
        r.get(
                p,
                auth(ctx -> ctx.json(
                        partners.list().stream().map(PartnerAdminApi::view).toList())));
        r.get(p + "/{id}", auth(ctx -> ctx.json(view(partners.get(ctx.pathParam("id"))))));
        r.post(p + "/{id}/keys", auth(ctx -> ctx.status(201).json(withKey(partners.rotate(ctx.pathParam("id"))))));
    }

    static Map<String, Object> view(Partner p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("kind", p.kind().name());
        m.put("active", p.active());
        m.put("createdAt", p.createdAt().toString());
        return m;
    }

    private static Map<String, Object> withKey(Partners.WithKey k) {
        Map<String, Object> m = view(k.partner());
        m.put("apiKey", k.apiKey());
        return m;
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
