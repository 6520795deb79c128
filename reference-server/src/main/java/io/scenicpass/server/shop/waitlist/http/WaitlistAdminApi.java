package io.scenicpass.server.shop.waitlist.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.shop.waitlist.WaitlistAdmin;
import io.scenicpass.server.shop.waitlist.WaitlistSettings;

/**
 * {@code /admin/v1/waitlist} (admin token): a slot's waiting list ({@code ?slotId=}: counts by status, entries in line,
 * visitors masked) and the setting {@code acceptMinutes} (GET, PUT).
 */
public final class WaitlistAdminApi {
    record SettingsBody(Integer acceptMinutes) {}

    private final AdminService admin;
    private final WaitlistAdmin lists;
    private final WaitlistSettings settings;

    public WaitlistAdminApi(AdminService admin, WaitlistAdmin lists, WaitlistSettings settings) {
        this.admin = admin;
        this.lists = lists;
        this.settings = settings;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/waitlist";
        r.get(p, auth(ctx -> ctx.json(lists.slot(ctx.queryParam("slotId")))));
        r.get(p + "/settings", auth(ctx -> ctx.json(new SettingsBody(settings.acceptMinutes()))));
        r.put(p + "/settings", auth(ctx -> {
            SettingsBody b = RequestBodies.ADMIN.read(ctx, SettingsBody.class);
            settings.setAcceptMinutes(RequestBodies.required(b.acceptMinutes(), "acceptMinutes"));
            ctx.json(new SettingsBody(settings.acceptMinutes()));
        }));
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
