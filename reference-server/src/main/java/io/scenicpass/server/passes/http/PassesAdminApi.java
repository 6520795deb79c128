package io.scenicpass.server.passes.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.AnnualPasses;
import io.scenicpass.server.passes.PassHolderHook.Enrolment;
import io.scenicpass.server.passes.PassProducts;
import io.scenicpass.server.passes.PassTerms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operator's API of pass products ({@code GET|PUT /admin/v1/products/{id}/pass-terms}) and annual passes
 * ({@code GET /admin/v1/annual-passes[/{id}]}, {@code POST /admin/v1/annual-passes/{id}/activate|freeze|appeal|
 * unfreeze|renew|refund}); changes are audited by the admin guard like every admin route.
 */
public final class PassesAdminApi {
    record ActivateBody(IdentityInput holder, Enrolment enrolment) {}

    record ReasonBody(String reason) {}

    record AppealBody(String appeal) {}

    record RenewBody(Long price) {}

    private static final Set<String> STATES =
            Set.of(AnnualPass.SOLD, AnnualPass.ACTIVE, AnnualPass.FROZEN, AnnualPass.REFUNDED);

    private final AdminService admin;
    private final PassProducts products;
    private final AnnualPasses annual;

    public PassesAdminApi(AdminService admin, PassProducts products, AnnualPasses annual) {
        this.admin = admin;
        this.products = products;
        this.annual = annual;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1";
        r.get(p + "/products/{id}/pass-terms", auth(ctx -> ctx.json(products.get(ctx.pathParam("id")))));
        r.put(
                p + "/products/{id}/pass-terms",
                auth(ctx ->
                        ctx.json(products.put(ctx.pathParam("id"), RequestBodies.ADMIN.read(ctx, PassTerms.class)))));
        r.get(p + "/annual-passes", auth(ctx -> {
            String state = ctx.queryParam("state");
            if (state != null && !STATES.contains(state)) {
                throw new ServiceException(Problem.BAD_REQUEST, "state must be one of " + STATES);
            }
            ctx.json(annual.list(state).stream().map(a -> view(a, false)).toList());
        }));
        r.get(p + "/annual-passes/{id}", auth(ctx -> ctx.json(view(annual.get(ctx.pathParam("id")), true))));
        r.post(p + "/annual-passes/{id}/activate", auth(ctx -> {
            ActivateBody b = RequestBodies.ADMIN.read(ctx, ActivateBody.class);
            ctx.json(view(annual.activate(ctx.pathParam("id"), b.holder(), b.enrolment()), true));
        }));
        r.post(
                p + "/annual-passes/{id}/freeze",
                auth(ctx -> ctx.json(view(
                        annual.freeze(
                                ctx.pathParam("id"),
                                RequestBodies.ADMIN.read(ctx, ReasonBody.class).reason()),
                        false))));
        r.post(
                p + "/annual-passes/{id}/appeal",
                auth(ctx -> ctx.json(view(
                        annual.appeal(
                                ctx.pathParam("id"),
                                RequestBodies.ADMIN.read(ctx, AppealBody.class).appeal()),
                        false))));
        r.post(
                p + "/annual-passes/{id}/unfreeze",
                auth(ctx -> ctx.json(view(annual.unfreeze(ctx.pathParam("id")), false))));
        r.post(p + "/annual-passes/{id}/renew", auth(ctx -> {
            RenewBody b = RequestBodies.ADMIN.readOptional(ctx, RenewBody.class);
            ctx.json(view(annual.renew(ctx.pathParam("id"), b == null ? null : b.price()), true));
        }));
        r.post(
                p + "/annual-passes/{id}/refund",
                auth(ctx -> ctx.json(view(annual.refund(ctx.pathParam("id")), false))));
    }

    /** An annual pass as the API shows it: the holder masked, never their binding; the QR text when asked. */
    Map<String, Object> view(AnnualPass a, boolean withText) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("passId", a.passId());
        m.put("bookingId", a.bookingUuid());
        m.put("productId", a.productId());
        m.put("state", a.state());
        m.put("price", a.price());
        m.put("currency", a.currency());
        m.put("purchasedAt", a.purchasedAt());
        m.put("activateBy", a.activateBy());
        m.put("activatedAt", a.activatedAt());
        m.put("validFrom", a.validFrom());
        m.put("validUntil", a.validUntil());
        m.put("holder", a.holderMasked());
        m.put("enrolmentSource", a.enrolmentSource());
        m.put("enrolmentRef", a.enrolmentRef());
        m.put("freezeReason", a.freezeReason());
        m.put("appeal", a.appeal());
        m.put("refunded", a.refunded());
        m.put("refundDue", a.state().equals(AnnualPass.REFUNDED) ? null : annual.refundDue(a));
        if (withText) {
            m.put("passText", annual.passText(a));
        }
        return m;
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
