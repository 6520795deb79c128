package io.scenicpass.server.park.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.http.AdminErrors;
import io.scenicpass.server.http.ApiError;
import io.scenicpass.server.park.Crowding;
import io.scenicpass.server.park.Notice;
import io.scenicpass.server.park.ParkService;
import io.scenicpass.server.park.RoutePlanner;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /shop/api/park?lang=en&zone=museum&zone=…}: the park page's content as JSON for its refresh script
 * (no sign-in; names and notices in the asked language, zh-CN by default).
 */
public final class ParkApi {
    private final ParkService park;
    private final ZoneId zone;

    /** {@code zone}: the park's time zone (the time shown). */
    public ParkApi(ParkService park, ZoneId zone) {
        this.park = park;
        this.zone = zone;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/api/park", this::get);
    }

    private void get(Context ctx) {
        String lang = "en".equals(ctx.queryParam("lang")) ? "en" : "zh-CN";
        ParkService.View v;
        try {
            v = park.now(wanted(ctx));
        } catch (ServiceException e) { // JSON for the script, not the error page of /shop paths
            AdminErrors.write(ctx, ApiError.classify(e, "GET", ctx.path()));
            return;
        }
        ctx.header("Cache-Control", "no-store").json(json(v, ParkPage.Lines.of(lang, v, zone)));
    }

    /** The wanted zones of a request: repeated {@code zone} parameters (blank ones ignored). */
    static List<String> wanted(Context ctx) {
        List<String> out = new ArrayList<>();
        for (String z : ctx.queryParams("zone")) {
            if (!z.isBlank() && !out.contains(z) && out.size() < 100) {
                out.add(z);
            }
        }
        return out;
    }

    static Map<String, Object> json(ParkService.View v, ParkPage.Lines lines) {
        String lang = lines.lang();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", v.asOf().toString());
        m.put("asOfText", lines.asOf());
        m.put("day", v.day().toString());
        List<Map<String, Object>> zones = new ArrayList<>();
        for (Crowding.ZoneLight z : v.zones()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", z.zone().id());
            o.put("name", z.zone().name(lang));
            o.put("kind", z.zone().kind());
            o.put("capacity", z.zone().capacity());
            o.put("occupancy", z.occupancy());
            o.put("percent", z.percent());
            o.put("light", z.light());
            o.put("label", lines.light(z));
            o.put("people", lines.people(z));
            zones.add(o);
        }
        m.put("zones", zones);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("start", v.route().start());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (RoutePlanner.Step s : v.route().steps()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("zoneId", s.zone().zone().id());
            o.put("name", s.zone().zone().name(lang));
            o.put("light", s.zone().light());
            o.put("walkMinutes", s.walkMinutes());
            o.put("via", s.via());
            o.put("later", s.later());
            o.put("throughCrowded", s.throughCrowded());
            o.put("text", lines.step(s));
            steps.add(o);
        }
        route.put("steps", steps);
        route.put("totalWalkMinutes", v.route().totalWalkMinutes());
        route.put("unreachable", v.route().unreachable());
        route.put("total", lines.total());
        m.put("route", route);
        List<Map<String, Object>> notices = new ArrayList<>();
        for (Notice n : v.notices()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", n.id());
            o.put("kind", n.kind());
            o.put("severity", n.severity());
            o.put("title", n.title(lang));
            o.put("body", n.body(lang));
            o.put("from", n.from().toString());
            o.put("until", n.until().toString());
            notices.add(o);
        }
        m.put("notices", notices);
        return m;
    }
}
