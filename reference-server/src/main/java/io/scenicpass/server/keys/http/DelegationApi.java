package io.scenicpass.server.keys.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.counter.Sellers;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.keys.DelegationStore.DelegationRow;
import io.scenicpass.server.keys.Delegations;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /terminal/v1/counter/delegation} (device token of a BOX_OFFICE: 403 NOT_A_SELLER for a gate,
 * BOX_OFFICE_ONLY for a kiosk): a box office has its public key certified and gets the key's entry in the signed key
 * set. {@code /admin/v1/delegations} (admin token): the list, and revocation ({@code ?reason=}).
 */
public final class DelegationApi {
    /** A terminal body like the others: unknown fields ignored (a newer device may send more). */
    private static final RequestBodies BODIES =
            RequestBodies.of(WireJson.mapper()).ignoringUnknownFields().refusingNullForPrimitives();

    /** The operator's view of a delegation; state ACTIVE, EXPIRED or REVOKED. */
    public record View(
            String keyId,
            String deviceId,
            String state,
            List<String> productIds,
            Instant visitFrom,
            Instant visitUntil,
            int maxPasses,
            Instant validFrom,
            Instant validUntil,
            Instant createdAt,
            Instant revokedAt,
            String revokedReason) {}

    private final Delegations delegations;
    private final DeviceService devices;
    private final AdminService admin;
    private final Clock clock;

    public DelegationApi(Delegations delegations, DeviceService devices, AdminService admin, Clock clock) {
        this.delegations = delegations;
        this.devices = devices;
        this.admin = admin;
        this.clock = clock;
    }

    public void register(RoutesConfig r) {
        r.post("/terminal/v1/counter/delegation", ctx -> {
            DeviceRow device = Sellers.boxOffice(devices.authenticate(ctx.header("Authorization")), "offline selling");
            Delegations.Request body = BODIES.read(ctx, Delegations.Request.class);
            ctx.contentType("application/json")
                    .result(WireJson.mapper().writeValueAsString(delegations.certify(device.id(), body)));
        });
        String a = "/admin/v1/delegations";
        r.get(
                a,
                AdminApi.authenticated(
                        admin,
                        ctx -> ctx.json(delegations.list(ctx.queryParam("deviceId"), limit(ctx)).stream()
                                .map(this::view)
                                .toList())));
        // bodyless like the terminals' revoke; the reason (for the audit) is a query parameter
        r.post(
                a + "/{keyId}/revoke",
                AdminApi.authenticated(
                        admin,
                        ctx -> ctx.json(view(delegations.revoke(ctx.pathParam("keyId"), ctx.queryParam("reason"))))));
    }

    private View view(DelegationRow d) {
        String state =
                d.revokedAt() != null ? "REVOKED" : clock.instant().isBefore(d.validUntil()) ? "ACTIVE" : "EXPIRED";
        return new View(
                d.keyId(),
                d.deviceId(),
                state,
                d.productIds(),
                d.visitFrom(),
                d.visitUntil(),
                d.maxPasses(),
                d.validFrom(),
                d.validUntil(),
                d.createdAt(),
                d.revokedAt(),
                d.revokedReason());
    }

    private static int limit(Context ctx) {
        String s = ctx.queryParam("limit");
        if (s == null) {
            return 100;
        }
        if (!s.matches("[0-9]{1,4}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 1000) {
            throw new ServiceException(Problem.BAD_REQUEST, "limit must be 1-1000");
        }
        return Integer.parseInt(s);
    }
}
