package io.scenicpass.server.park.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.park.Notices;
import io.scenicpass.server.park.Warnings;
import io.scenicpass.server.park.Zone;
import io.scenicpass.server.park.Zones;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's side of the park (admin token): zones ({@code GET /admin/v1/zones}, {@code GET|PUT
 * /admin/v1/zones/{id}}), notices ({@code POST|GET /admin/v1/notices}, {@code GET|DELETE /admin/v1/notices/{id}})
 * and the warnings sent to visitors ({@code GET /admin/v1/park/warnings}).
 */
public final class ParkAdminApi {
    private final AdminService admin;
    private final Zones zones;
    private final Notices notices;
    private final Warnings warnings;

    public ParkAdminApi(AdminService admin, Zones zones, Notices notices, Warnings warnings) {
        this.admin = admin;
        this.zones = zones;
        this.notices = notices;
        this.warnings = warnings;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1";
        r.get(
                p + "/zones",
                auth(ctx ->
                        ctx.json(zones.all().stream().map(ParkAdminApi::zone).toList())));
        r.get(p + "/zones/{id}", auth(ctx -> ctx.json(zone(zones.get(ctx.pathParam("id"))))));
        r.put(
                p + "/zones/{id}",
                auth(ctx -> ctx.json(
                        zone(zones.put(ctx.pathParam("id"), RequestBodies.ADMIN.read(ctx, Zones.Input.class))))));
        r.post(
                p + "/notices",
                auth(ctx -> ctx.status(201).json(notices.post(RequestBodies.ADMIN.read(ctx, Notices.Input.class)))));
        r.get(
                p + "/notices",
                auth(ctx -> ctx.json(
                        ctx.queryParam("day") == null
                                ? notices.upcoming()
                                : notices.current(Notices.day("day", ctx.queryParam("day"))))));
        r.get(p + "/notices/{id}", auth(ctx -> ctx.json(notices.get(noticeId(ctx)))));
        r.delete(p + "/notices/{id}", auth(ctx -> {
            notices.delete(noticeId(ctx));
            ctx.status(204);
        }));
        r.get(p + "/park/warnings", auth(ctx -> ctx.json(warnings.all())));
    }

    /** A zone as the API shows it; {@code name} (both languages) is what the earlier {@code {id, name}} had. */
    static Map<String, Object> zone(Zone z) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", z.id());
        m.put("name", z.nameZh().equals(z.nameEn()) ? z.nameZh() : z.nameZh() + " " + z.nameEn());
        m.put("nameZh", z.nameZh());
        m.put("nameEn", z.nameEn());
        m.put("kind", z.kind());
        m.put("capacity", z.capacity());
        m.put("neighbours", z.neighbours() == null ? List.of() : z.neighbours());
        return m;
    }

    private static long noticeId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw new ServiceException(Problem.NOT_FOUND, "no such notice", id.length() > 64 ? null : id);
        }
        return Long.parseLong(id);
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
