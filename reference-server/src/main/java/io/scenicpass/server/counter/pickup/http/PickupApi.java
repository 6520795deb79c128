package io.scenicpass.server.counter.pickup.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.counter.pickup.PickupService;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The pick-up routes: {@code /terminal/v1/counter/pickups…} for kiosks and box offices (device token and role; a
 * reprint at a box office only), and the
 * operators' audit list {@code GET /admin/v1/counter/pickups}. Errors are the terminal API's {@code {code, message}}.
 */
public final class PickupApi {
    /** Most audit rows one admin list answers. */
    static final int MAX_LIST = 10_000;

    /** Either the swiped document or a typed booking code. */
    record LookupBody(IdentityInput document, String bookingCode) {}

    record ReprintBody(String reason, String cashierId) {}

    private static final RequestBodies BODIES =
            RequestBodies.of(WireJson.mapper()).ignoringUnknownFields().refusingNullForPrimitives();

    private final PickupService pickups;
    private final CounterAuth auth;
    private final AdminService admin;
    private final Clock clock;

    public PickupApi(PickupService pickups, CounterAuth auth, AdminService admin, Clock clock) {
        this.pickups = pickups;
        this.auth = auth;
        this.admin = admin;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        String p = "/terminal/v1/counter/pickups";
        r.post(p + "/lookup", ctx -> {
            auth.seller(ctx);
            LookupBody b = BODIES.read(ctx, LookupBody.class);
            if ((b.document() == null) == (b.bookingCode() == null)) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "give either document {type, number} or bookingCode, not both");
            }
            ctx.json(b.document() != null ? pickups.byDocument(b.document()) : pickups.byCode(b.bookingCode()));
        });
        r.post(p + "/{bookingId}/print", ctx -> ctx.json(pickups.print(auth.seller(ctx), ctx.pathParam("bookingId"))));
        // a reprint needs staff to judge the reason: at a box office only (an unattended kiosk would copy at will)
        r.post(p + "/{bookingId}/reprint", ctx -> {
            DeviceRow d = auth.boxOffice(ctx, "reprinting picked-up tickets");
            ReprintBody b = BODIES.read(ctx, ReprintBody.class);
            ctx.json(pickups.reprint(d, ctx.pathParam("bookingId"), b.reason(), b.cashierId()));
        });
        r.get("/admin/v1/counter/pickups", AdminApi.authenticated(admin, ctx -> {
            Instant to = instant(ctx, "to", clock.instant());
            Instant from = instant(ctx, "from", to.minus(Duration.ofDays(1)));
            int limit = limit(ctx.queryParam("limit"));
            ctx.json(Map.of("from", from, "to", to, "prints", pickups.prints(from, to, limit)));
        }));
    }

    /** An ISO-8601 instant or offset date-time ({@code 2026-06-02T00:00:00+08:00}); {@code dflt} when absent. */
    private static Instant instant(Context ctx, String name, Instant dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, name + " must be an ISO-8601 date-time such as 2026-06-02T00:00:00+08:00");
        }
    }

    private static int limit(String v) {
        if (v == null || v.isBlank()) {
            return 1000;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= MAX_LIST) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ServiceException(Problem.BAD_REQUEST, "limit must be a number from 1 to " + MAX_LIST);
    }
}
