package io.scenicpass.server.identity.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.identity.DocumentBlacklist;
import io.scenicpass.server.identity.IdentityErasure;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityPolicies;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import java.time.Instant;
import java.util.Map;

/**
 * The operator's identity API under {@code /admin/v1/identity} (admin token): real-name policy per product, the
 * document blacklist, and deletion of visitors' documents on request. Document numbers travel only in bodies, never
 * in URLs (which end up in access logs).
 */
public final class IdentityAdminApi {
    record PolicyBody(String realName, Integer dailyLimit, String limitScope) {}

    record DocumentBody(String type, String number, String country) {
        IdentityInput input() {
            return new IdentityInput(type, number, null, country);
        }
    }

    record BlacklistBody(
            String type, String number, String country, String reason, String addedBy, Instant expiresAt) {}

    record RemoveBody(String type, String number, String country, String removedBy) {}

    private final AdminService admin;
    private final IdentityPolicies policies;
    private final DocumentBlacklist blacklist;
    private final IdentityErasure erasure;

    public IdentityAdminApi(
            AdminService admin, IdentityPolicies policies, DocumentBlacklist blacklist, IdentityErasure erasure) {
        this.admin = admin;
        this.policies = policies;
        this.blacklist = blacklist;
        this.erasure = erasure;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/identity";
        r.get(p + "/products/{id}/policy", auth(ctx -> ctx.json(policies.get(ctx.pathParam("id")))));
        r.put(p + "/products/{id}/policy", auth(ctx -> {
            PolicyBody b = body(ctx, PolicyBody.class);
            ctx.json(policies.put(new Policy(
                    ctx.pathParam("id"),
                    RequestBodies.required(b.realName(), "realName"),
                    b.dailyLimit(),
                    b.limitScope() == null ? "PRODUCT" : b.limitScope())));
        }));
        r.get(p + "/blacklist", auth(ctx -> ctx.json(blacklist.list(!"false".equals(ctx.queryParam("activeOnly"))))));
        r.post(p + "/blacklist", auth(ctx -> {
            BlacklistBody b = body(ctx, BlacklistBody.class);
            ctx.status(201)
                    .json(blacklist.add(
                            new IdentityInput(b.type(), b.number(), null, b.country()),
                            b.reason(),
                            b.addedBy(),
                            b.expiresAt()));
        }));
        r.post(p + "/blacklist/remove", auth(ctx -> {
            RemoveBody b = body(ctx, RemoveBody.class);
            ctx.json(blacklist.remove(new IdentityInput(b.type(), b.number(), null, b.country()), b.removedBy()));
        }));
        r.delete(
                p + "/bookings/{uuid}",
                auth(ctx -> ctx.json(Map.of("erased", erasure.eraseBooking(bookingId(ctx.pathParam("uuid")))))));
        r.post(p + "/erase", auth(ctx -> {
            DocumentBody b = body(ctx, DocumentBody.class);
            ctx.json(Map.of("bookings", erasure.eraseDocument(b.input())));
        }));
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }

    private static <T> T body(Context ctx, Class<T> type) throws java.io.IOException {
        return RequestBodies.ADMIN.read(ctx, type);
    }

    private static String bookingId(String uuid) {
        if (uuid == null || !uuid.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "booking uuid must be 1-64 of [A-Za-z0-9_-]");
        }
        return uuid;
    }
}
