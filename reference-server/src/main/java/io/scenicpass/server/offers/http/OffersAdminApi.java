package io.scenicpass.server.offers.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.offers.Offer;
import io.scenicpass.server.offers.Offers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Offers and coupon campaigns (admin token or an operator with OFFERS_WRITE to change them): {@code GET|POST
 * /admin/v1/offers}, {@code GET|PUT /admin/v1/offers/{id}}, {@code POST /admin/v1/offers/{id}/pause|resume}. Offers
 * are never deleted (bookings and settlement refer to them): a paused one applies to no new booking.
 */
public final class OffersAdminApi {
    private final AdminService admin;
    private final Offers offers;

    public OffersAdminApi(AdminService admin, Offers offers) {
        this.admin = admin;
        this.offers = offers;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/offers";
        r.get(
                p,
                auth(ctx -> ctx.json(offers.list().stream()
                        .map(x -> view(x.offer(), x.redeemed(), x.issued()))
                        .toList())));
        r.post(
                p,
                auth(ctx -> ctx.status(201)
                        .json(view(offers.create(RequestBodies.ADMIN.read(ctx, Offers.Input.class)), 0, 0))));
        r.get(
                p + "/{id}",
                auth(ctx -> ctx.json(counted(offers.get(ctx.pathParam("id")).id()))));
        r.put(
                p + "/{id}",
                auth(ctx -> ctx.json(
                        counted(offers.update(ctx.pathParam("id"), RequestBodies.ADMIN.read(ctx, Offers.Input.class))
                                .id()))));
        r.post(
                p + "/{id}/pause",
                auth(ctx -> ctx.json(
                        counted(offers.activate(ctx.pathParam("id"), false).id()))));
        r.post(
                p + "/{id}/resume",
                auth(ctx -> ctx.json(
                        counted(offers.activate(ctx.pathParam("id"), true).id()))));
    }

    private Map<String, Object> counted(String id) {
        return offers.list().stream()
                .filter(x -> x.offer().id().equals(id))
                .findFirst()
                .map(x -> view(x.offer(), x.redeemed(), x.issued()))
                .orElseThrow();
    }

    /** An offer as the API shows it, with its live redemptions and (campaigns) coupons issued. */
    static Map<String, Object> view(Offer o, long redeemed, long issued) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("code", o.code());
        m.put("title", o.title());
        m.put("kind", o.kind().name());
        m.put("amount", o.amount());
        m.put("productId", o.productId());
        m.put("unitType", o.unitType());
        m.put("segment", o.segment());
        m.put("combination", o.combination());
        m.put("validFrom", o.validFrom() == null ? null : o.validFrom().toString());
        m.put("validTo", o.validTo() == null ? null : o.validTo().toString());
        m.put("perVisitorLimit", o.perVisitorLimit());
        m.put("totalLimit", o.totalLimit());
        m.put(
                "couponTrigger",
                o.couponTrigger() == null ? null : o.couponTrigger().name());
        m.put("couponDays", o.couponDays());
        m.put("status", o.status().name());
        m.put("redeemed", redeemed);
        m.put("issued", issued);
        m.put("createdAt", Instant.ofEpochMilli(o.createdAt()).toString());
        m.put("updatedAt", Instant.ofEpochMilli(o.updatedAt()).toString());
        return m;
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
