package io.scenicpass.server.admin.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.CapacityChanges;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.OnlineClaimPolicy;
import io.scenicpass.server.sales.PassQueries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator API under {@code /admin/v1} (bearer admin token; errors {@code {code, message}}). Bodies are read
 * strictly ({@link RequestBodies#ADMIN}); PUT replaces a resource and needs its required fields, PATCH changes the fields given.
 */
public final class AdminApi {
    record PriceBody(String unitId, String channelId, Long retail, Long net) {}

    record CapacityBody(Integer capacity) {}

    record ClosedBody(Boolean closed) {}

    record ActiveBody(Boolean active) {}

    record OnlineClaimBody(Boolean onlineClaim) {}

    /** A unit's real-name and concession rule: its items need a document, which proves the ages (optional). */
    record UnitRuleBody(Boolean idRequired, Integer minAge, Integer maxAge) {}

    /** POST: id required, the rest defaulted; PUT: all but id and the webhook required; PATCH: any. */
    record ChannelBody(
            String id,
            String name,
            String kind,
            String webhookUrl,
            String webhookSecret,
            Integer ratePerSecond,
            Integer burst,
            Boolean active) {}

    record BlacklistBody(String binding, String note) {}

    private final AdminService admin;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final CapacityChanges capacity;
    private final ChannelService channels;
    private final KeyService keys;
    private final PassQueries passes;
    private final OnlineClaimPolicy onlineClaims;

    public AdminApi(
            AdminService admin,
            CatalogueService catalogue,
            InventoryService inventory,
            CapacityChanges capacity,
            ChannelService channels,
            KeyService keys,
            PassQueries passes,
            OnlineClaimPolicy onlineClaims) {
        this.admin = admin;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.capacity = capacity;
        this.channels = channels;
        this.keys = keys;
        this.passes = passes;
        this.onlineClaims = onlineClaims;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1";
        r.get(p + "/products", auth(ctx -> ctx.json(catalogue.products(null))));
        r.post(
                p + "/products",
                auth(ctx -> ctx.status(201).json(catalogue.create(body(ctx, CatalogueService.ProductSpec.class)))));
        r.get(p + "/products/{id}", auth(ctx -> ctx.json(catalogue.product(ctx.pathParam("id"), null))));
        r.put(p + "/products/{id}/active", auth(ctx -> {
            catalogue.setActive(
                    ctx.pathParam("id"), required(body(ctx, ActiveBody.class).active(), "active"));
            ctx.status(204);
        }));
        r.get(
                p + "/products/{id}/online-claim",
                auth(ctx -> ctx.json(new OnlineClaimBody(onlineClaims.get(ctx.pathParam("id"))))));
        r.put(p + "/products/{id}/online-claim", auth(ctx -> {
            onlineClaims.set(
                    ctx.pathParam("id"),
                    required(body(ctx, OnlineClaimBody.class).onlineClaim(), "onlineClaim"));
            ctx.status(204);
        }));
        r.put(p + "/prices", auth(ctx -> {
            PriceBody b = body(ctx, PriceBody.class);
            catalogue.setPrice(
                    required(b.unitId(), "unitId"),
                    b.channelId() == null ? "*" : b.channelId(),
                    required(b.retail(), "retail"),
                    b.net() == null ? b.retail() : b.net());
            ctx.status(204);
        }));
        r.delete(p + "/prices/{unitId}/{channelId}", auth(ctx -> {
            catalogue.clearPrice(ctx.pathParam("unitId"), ctx.pathParam("channelId"));
            ctx.status(204);
        }));
        r.get(p + "/products/{id}/prices", auth(ctx -> {
            List<Object> all = new ArrayList<>();
            catalogue
                    .anyState(ctx.pathParam("id"))
                    .options()
                    .forEach(o -> all.addAll(catalogue.allPrices(o.option().id())));
            ctx.json(Map.of("prices", all));
        }));
        r.put(p + "/products/{id}/units/{unitId}/rule", auth(ctx -> {
            UnitRuleBody b = body(ctx, UnitRuleBody.class);
            ctx.json(catalogue.setUnitRule(
                    ctx.pathParam("id"),
                    ctx.pathParam("unitId"),
                    required(b.idRequired(), "idRequired"),
                    b.minAge(),
                    b.maxAge()));
        }));
        r.get(p + "/slots", auth(this::slots));
        r.put(
                p + "/slots/{slotId}/capacity",
                auth(ctx -> ctx.json(capacity.changeCapacity(
                        ctx.pathParam("slotId"),
                        required(body(ctx, CapacityBody.class).capacity(), "capacity")))));
        r.put(p + "/slots/{slotId}/closed", auth(ctx -> {
            capacity.setClosed(
                    ctx.pathParam("slotId"),
                    required(body(ctx, ClosedBody.class).closed(), "closed"));
            ctx.status(204);
        }));
        r.put(p + "/slots/{slotId}/allotments/{channelId}", auth(ctx -> {
            capacity.putAllotment(
                    ctx.pathParam("slotId"),
                    ctx.pathParam("channelId"),
                    required(body(ctx, CapacityBody.class).capacity(), "capacity"));
            ctx.status(204);
        }));
        r.get(
                p + "/channels/{id}/allotments",
                auth(ctx -> ctx.json(Map.of(
                        "allotments", capacity.allotments(ctx.pathParam("id"), parseDate(ctx.queryParam("from")))))));
        r.put(p + "/day-pools/{poolId}/{date}", auth(ctx -> {
            capacity.changeDayCapacity(
                    ctx.pathParam("poolId"),
                    parseDate(ctx.pathParam("date")),
                    required(body(ctx, CapacityBody.class).capacity(), "capacity"));
            ctx.status(204);
        }));
        r.get(
                p + "/channels",
                auth(ctx -> ctx.json(
                        channels.list().stream().map(AdminApi::channelView).toList())));
        r.post(p + "/channels", auth(ctx -> {
            ChannelBody b = body(ctx, ChannelBody.class);
            Channel ch = channels.create(new Channel(
                    required(b.id(), "id"),
                    b.name() == null ? b.id() : b.name(),
                    b.kind() == null ? "OTA" : b.kind(),
                    b.webhookUrl(),
                    b.webhookSecret(),
                    b.ratePerSecond() == null ? 50 : b.ratePerSecond(),
                    b.burst() == null ? 100 : b.burst(),
                    b.active() == null || b.active()));
            Map<String, Object> out = channelView(ch);
            out.put("apiKey", channels.newKey(ch.id(), "initial"));
            ctx.status(201).json(out);
        }));
        r.put(p + "/channels/{id}", auth(ctx -> {
            ChannelBody b = body(ctx, ChannelBody.class);
            channels.update(new Channel(
                    sameId(b.id(), ctx.pathParam("id")),
                    required(b.name(), "name"),
                    required(b.kind(), "kind"),
                    b.webhookUrl(),
                    b.webhookSecret(),
                    required(b.ratePerSecond(), "ratePerSecond"),
                    required(b.burst(), "burst"),
                    required(b.active(), "active")));
            ctx.status(204);
        }));
        r.patch(p + "/channels/{id}", auth(ctx -> {
            ChannelBody b = RequestBodies.ADMIN.readPatch(ctx, ChannelBody.class);
            Channel old = channels.find(sameId(b.id(), ctx.pathParam("id")))
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", ctx.pathParam("id")));
            channels.update(new Channel(
                    old.id(),
                    or(b.name(), old.name()),
                    or(b.kind(), old.kind()),
                    or(b.webhookUrl(), old.webhookUrl()),
                    or(b.webhookSecret(), old.webhookSecret()),
                    or(b.ratePerSecond(), old.ratePerSecond()),
                    or(b.burst(), old.burst()),
                    or(b.active(), old.active())));
            ctx.status(204);
        }));
        r.post(
                p + "/channels/{id}/keys",
                auth(ctx -> ctx.status(201).json(Map.of("apiKey", channels.newKey(ctx.pathParam("id"), "admin")))));
        r.delete(
                p + "/channels/{id}/keys",
                auth(ctx -> ctx.json(Map.of("revoked", channels.revokeKeys(ctx.pathParam("id"))))));
        r.get(p + "/keys", auth(ctx -> ctx.json(keys.keys())));
        r.post(p + "/keys/rotate", auth(ctx -> ctx.json(Map.of("activeKeyId", keys.rotate()))));
        r.post(p + "/keys/{keyId}/compromised", auth(ctx -> {
            keys.markCompromised(ctx.pathParam("keyId"));
            ctx.status(204);
        }));
        r.get(
                p + "/keyset",
                auth(ctx -> ctx.contentType("application/json")
                        .result(keys.signedKeySet().toJson())));
        r.get(
                p + "/revocations",
                auth(ctx -> ctx.json(passes.revocationsSince(longParam(ctx, "since"), (int)
                        Math.max(1, longParam(ctx, "limit") == 0 ? 1000 : longParam(ctx, "limit"))))));
        r.get(p + "/blacklist", auth(ctx -> ctx.json(admin.blacklistSince(longParam(ctx, "since"), 10_000))));
        r.post(p + "/blacklist", auth(ctx -> {
            BlacklistBody b = body(ctx, BlacklistBody.class);
            admin.blacklist(b.binding(), true, b.note());
            ctx.status(204);
        }));
        r.delete(p + "/blacklist/{binding}", auth(ctx -> {
            admin.blacklist(ctx.pathParam("binding"), false, null);
            ctx.status(204);
        }));
        // zones: park/http/ParkAdminApi (their names, kinds, capacities and paths)
        r.get(p + "/gates", auth(ctx -> ctx.json(admin.gates())));
        r.post(p + "/gates", auth(ctx -> {
            SiteStore.Gate g = body(ctx, SiteStore.Gate.class);
            admin.putGate(g);
            ctx.status(204);
        }));
        r.get(p + "/devices", auth(ctx -> ctx.json(admin.devices())));
        // counters recomputed from the bookings; ?dryRun=true only reports (see docs/operations.md)
        r.post(p + "/inventory/repair", auth(ctx -> ctx.json(inventory.repair().repair(!flag(ctx, "dryRun")))));
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new ServiceException(Problem.BAD_REQUEST, name + " must be true or false");
    }

    private void slots(Context ctx) {
        String productId = ctx.queryParam("productId");
        if (productId == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "productId is required");
        }
        CatalogueService.ProductView pv = catalogue.product(productId, null);
        String optionId = ctx.queryParam("optionId");
        CatalogueService.OptionView ov = pv.optionOrDefault(optionId);
        if (ov == null) {
            throw new ServiceException(Problem.NOT_FOUND, "no such option", optionId);
        }
        LocalDate from = parseDate(ctx.queryParam("from"));
        LocalDate to = ctx.queryParam("to") == null ? from : parseDate(ctx.queryParam("to"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (InventoryService.SlotView v : inventory.availability(pv.product(), ov.option(), from, to, null)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slotId", v.slot().id());
            m.put("availabilityId", v.slot().localStart());
            m.put("localEnd", v.slot().localEnd());
            m.put("capacity", v.slot().capacity());
            m.put("held", v.slot().held());
            m.put("sold", v.slot().sold());
            m.put("vacancies", v.vacancies());
            m.put("closed", v.slot().closed());
            out.add(m);
        }
        ctx.json(out);
    }

    private Handler auth(Handler h) {
        return authenticated(admin, h);
    }

    /** {@code h} behind the admin token (a bearer token), for this API and the features' own admin routes. */
    public static Handler authenticated(AdminService admin, Handler h) {
        return ctx -> {
            String auth = ctx.header("Authorization");
            admin.checkAdmin(
                    auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                            ? auth.substring(7).trim()
                            : null);
            h.handle(ctx);
        };
    }

    private static <T> T body(Context ctx, Class<T> type) throws java.io.IOException {
        return RequestBodies.ADMIN.read(ctx, type);
    }

    private static <T> T required(T v, String name) {
        return RequestBodies.required(v, name);
    }

    private static <T> T or(T given, T old) {
        return given != null ? given : old;
    }

    /** The path's id; a body that names another one is refused (ids are not changed by an update). */
    private static String sameId(String bodyId, String pathId) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "id '" + bodyId + "' in the body is not the id in the path");
        }
        return pathId;
    }

    private static LocalDate parseDate(String s) {
        if (s == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "a date (YYYY-MM-DD) is required");
        }
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "dates are YYYY-MM-DD");
        }
    }

    private static long longParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a number");
        }
    }

    static Map<String, Object> channelView(Channel ch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ch.id());
        m.put("name", ch.name());
        m.put("kind", ch.kind());
        m.put("webhookUrl", ch.webhookUrl());
        m.put("ratePerSecond", ch.ratePerSecond());
        m.put("burst", ch.burst());
        m.put("active", ch.active());
        return m;
    }
}
