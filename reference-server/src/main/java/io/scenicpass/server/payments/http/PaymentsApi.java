package io.scenicpass.server.payments.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.QueryParams;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentSettings;
import io.scenicpass.server.payments.PaymentsModule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/v1/payments} (admin token): payments by order and state, one payment with its refunds and provider
 * calls (read-only), and the provider settings (secrets accepted, never shown). {@code POST
 * /payments/v1/notify/{provider}}: the provider's notifications, believed only once its signature verifies.
 */
public final class PaymentsApi {
    private final AdminService admin;
    private final PaymentsModule module;

    public PaymentsApi(AdminService admin, PaymentsModule module) {
        this.admin = admin;
        this.module = module;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/payments";
        r.get(
                p,
                auth(ctx -> ctx.json(module.payments.list(
                        ctx.queryParam("orderRef"),
                        state(ctx.queryParam("state")),
                        QueryParams.limit(ctx.queryParam("limit"))))));
        r.get(p + "/provider", auth(ctx -> ctx.json(module.settings())));
        r.put(
                p + "/provider",
                auth(ctx -> ctx.json(module.configure(RequestBodies.ADMIN.read(ctx, PaymentSettings.Stored.class)))));
        r.get(p + "/{id}", auth(ctx -> {
            Payment pay = module.payments.get(ctx.pathParam("id"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("payment", pay);
            out.put("refunds", module.payments.refunds(pay.id()));
            out.put("calls", module.payments.calls(pay.id()));
            ctx.json(out);
        }));
        r.post("/payments/v1/notify/{provider}", this::notification);
    }

    /** WeChat Pay counts any 2xx as delivered and retries anything else; a forged notification gets 401. */
    private void notification(Context ctx) {
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        module.payments.notification(ctx.pathParam("provider"), headers, ctx.body());
        ctx.status(204);
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }

    private static Payment.State state(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Payment.State.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "state must be one of " + java.util.Arrays.toString(Payment.State.values()));
        }
    }
}
