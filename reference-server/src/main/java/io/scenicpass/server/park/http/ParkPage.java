package io.scenicpass.server.park.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.park.Crowding;
import io.scenicpass.server.park.ParkService;
import io.scenicpass.server.park.RoutePlanner;
import io.scenicpass.server.park.Zone;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import io.scenicpass.server.web.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /shop/park} (signed out too, zh-CN or en): the zones' traffic lights, the route form and the suggested
 * route, and today's notices; {@code /shop/park.js} refreshes it from {@code /shop/api/park} every 30 s.
 */
public final class ParkPage {
    /** The bundle of the park's texts (also for pages that show notices: {@code shop/notices.jte}). */
    public static final String BUNDLE = "shop-park";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What {@code shop/park.jte} shows; the texts of lights and steps come from {@code lines}. */
    public record Model(
            ParkService.View view, List<Crowding.ZoneLight> choices, List<String> wanted, String api, Lines lines) {
        public boolean ticked(String zoneId) {
            return wanted.isEmpty() || wanted.contains(zoneId);
        }
    }

    private final ParkService park;
    private final ShopPages pages;
    private final ZoneId zone;

    public ParkPage(ParkService park, ShopPages pages, ZoneId zone) {
        this.park = park;
        this.pages = pages;
        this.zone = zone;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/park", this::page);
        r.get("/shop/park.js", ParkPage::script);
    }

    private void page(Context ctx) {
        PageFrame f = pages.frame(ctx, "park.title", BUNDLE);
        List<String> wanted = ParkApi.wanted(ctx);
        ParkService.View v;
        try {
            v = park.now(wanted);
        } catch (ServiceException e) { // the only refusal: a zone not on the list (the page's own text says so)
            Pages.error(ctx, f, 400, "UNKNOWN_ZONE", f.t().get("UNKNOWN_ZONE"));
            return;
        }
        List<Crowding.ZoneLight> choices = new ArrayList<>();
        v.zones().stream()
                .filter(z -> z.zone().kind() != Zone.Kind.PARK
                        && !z.zone().id().equals(v.route().start()))
                .forEach(choices::add);
        String api = "/shop/api/park?lang=" + f.lang()
                + wanted.stream()
                        .map(w -> "&zone=" + java.net.URLEncoder.encode(w, java.nio.charset.StandardCharsets.UTF_8))
                        .reduce("", String::concat);
        Pages.render(ctx, 200, "shop/park.jte", f, new Model(v, choices, wanted, api, new Lines(f.t(), v, zone)));
    }

    /** The page's refresh script (a file of the jar; the page's policy allows scripts from the server only). */
    private static void script(Context ctx) throws IOException {
        try (InputStream in = ParkPage.class.getResourceAsStream("/io/scenicpass/server/park/park.js")) {
            ctx.contentType("text/javascript; charset=utf-8")
                    .header("Cache-Control", "public, max-age=3600")
                    .result(in.readAllBytes());
        }
    }

    /** The visitor-facing lines of the page and of its JSON, in one language. */
    public static final class Lines {
        private final Texts t;
        private final ParkService.View v;
        private final ZoneId zone;

        Lines(Texts t, ParkService.View v, ZoneId zone) {
            this.t = t;
            this.v = v;
            this.zone = zone;
        }

        static Lines of(String lang, ParkService.View v, ZoneId zone) {
            return new Lines(Texts.of(lang, BUNDLE, "shop"), v, zone);
        }

        public String lang() {
            return t.lang();
        }

        public String light(Crowding.ZoneLight z) {
            return t.get("light." + z.light().name());
        }

        public String people(Crowding.ZoneLight z) {
            return t.get("park.people", z.percent(), z.occupancy(), z.zone().capacity());
        }

        public String name(String zoneId) {
            return v.zones().stream()
                    .filter(z -> z.zone().id().equals(zoneId))
                    .map(z -> z.zone().name(t.lang()))
                    .findFirst()
                    .orElse(zoneId);
        }

        /** One step as a line: the zone, the walk, the zones passed, and why it comes last. */
        public String step(RoutePlanner.Step s) {
            StringBuilder b = new StringBuilder(s.zone().zone().name(t.lang()));
            b.append(" · ").append(t.get("park.route.walk", s.walkMinutes()));
            if (!s.via().isEmpty()) {
                b.append(" · ")
                        .append(t.get(
                                "park.route.via",
                                String.join(
                                        "、", s.via().stream().map(this::name).toList())));
            }
            if (s.later()) {
                b.append(" · ").append(t.get("park.route.later"));
            }
            if (s.throughCrowded()) {
                b.append(" · ").append(t.get("park.route.through"));
            }
            return b.toString();
        }

        public String start() {
            return v.route().start() == null
                    ? ""
                    : t.get("park.route.start", name(v.route().start()));
        }

        public String total() {
            return t.get("park.route.total", v.route().totalWalkMinutes());
        }

        public String unreachable() {
            return v.route().unreachable().isEmpty()
                    ? null
                    : t.get(
                            "park.route.unreachable",
                            String.join(
                                    "、",
                                    v.route().unreachable().stream()
                                            .map(this::name)
                                            .toList()));
        }

        public String asOf() {
            return t.get("park.asOf", TIME.format(v.asOf().atZone(zone)));
        }
    }
}
