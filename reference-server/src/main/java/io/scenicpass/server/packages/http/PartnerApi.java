package io.scenicpass.server.packages.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.packages.Partners;
import io.scenicpass.server.packages.store.PackageStore.Partner;
import java.util.Map;

/**
 * The partners' API ({@code /partner/v1}, {@code Authorization: Bearer ptn_...}): a partner sets and reads its own
 * allotments (PUT of a day's total: idempotent) and checks and marks used the vouchers of its package parts. Another
 * partner's resource or voucher is NOT_FOUND; a refused token is a 401 (throttled like every credential).
 */
public final class PartnerApi {
    private final Partners partners;

    public PartnerApi(Partners partners) {
        this.partners = partners;
    }

    /** A day's total: {@code {"total": 12}}. */
    public record DayTotal(Integer total) {}

    public void register(RoutesConfig r) {
        String p = "/partner/v1";
        r.put(p + "/allotments/{resourceId}/{day}", auth((ctx, who) -> {
            DayTotal in = RequestBodies.ADMIN.read(ctx, DayTotal.class);
            String day = ctx.pathParam("day");
            ctx.json(partners.setAllotments(
                            who.id(), ctx.pathParam("resourceId"), new Partners.AllotmentInput(day, day, in.total()))
                    .get(0));
        }));
        r.get(
                p + "/allotments/{resourceId}",
                auth((ctx, who) -> ctx.json(partners.allotments(
                        who.id(), ctx.pathParam("resourceId"), ctx.queryParam("from"), ctx.queryParam("to")))));
        r.get(p + "/resources", auth((ctx, who) -> ctx.json(partners.resources(who.id()))));
        r.get(p + "/vouchers/{code}", auth((ctx, who) -> ctx.json(partners.voucher(who.id(), ctx.pathParam("code")))));
        r.post(p + "/vouchers/{code}/use", auth((ctx, who) -> ctx.json(partners.use(who.id(), ctx.pathParam("code")))));
        r.get(p + "/me", auth((ctx, who) -> ctx.json(Map.of("id", who.id(), "name", who.name()))));
    }

    private interface PartnerHandler {
        void handle(Context ctx, Partner who) throws Exception;
    }

    private Handler auth(PartnerHandler h) {
        return ctx -> {
            String auth = ctx.header("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? auth.substring(7).trim()
                    : null;
            Partner who = partners.byToken(token)
                    .orElseThrow(() -> new ServiceException(Problem.UNAUTHORIZED, "a partner token is required", null));
            h.handle(ctx, who);
        };
    }
}
