package io.scenicpass.server.visitors.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.scenicpass.core.DocumentType;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.visitors.Privacy;
import io.scenicpass.server.visitors.VisitorHint;
import io.scenicpass.server.visitors.VisitorsModule;
import io.scenicpass.server.visitors.segments.SegmentService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's visitor hub (admin token or an operator with VISITORS_READ / VISITORS_WRITE): {@code POST
 * /admin/v1/visitors/lookup} (by document, phone, email or member code in the body, never in a URL), {@code GET
 * /admin/v1/visitors/{id}} (masked record), {@code GET .../{id}/export}, {@code DELETE .../{id}} (erase),
 * {@code PUT .../{id}/consent}, {@code POST .../{id}/member-code}; segments {@code GET /admin/v1/segments},
 * {@code GET|PUT|DELETE /admin/v1/segments/{code}}, {@code GET .../{code}/members}.
 */
public final class VisitorsAdminApi {
    private final AdminService admin;
    private final VisitorsModule hub;

    public VisitorsAdminApi(AdminService admin, VisitorsModule hub) {
        this.admin = admin;
        this.hub = hub;
    }

    /** A lookup: one of a document, a phone, an email, a member code. */
    public record Lookup(Document document, String phone, String email, String memberCode) {}

    /** A document in a lookup; {@link #toString()} never shows the number. */
    public record Document(String type, String number) {
        @Override
        public String toString() {
            return "Document{type=" + type + ", number=***}";
        }
    }

    /** A consent given or withdrawn on the visitor's request. */
    public record Consent(Boolean marketing) {}

    public void register(RoutesConfig r) {
        String v = "/admin/v1/visitors";
        Privacy privacy = hub.privacy();
        r.post(v + "/lookup", auth(ctx -> {
            VisitorHint hint = hint(RequestBodies.ADMIN.read(ctx, Lookup.class));
            long id = hub.directory()
                    .find(hint)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no visitor is known by this"));
            ctx.json(privacy.record(id));
        }));
        r.get(v + "/{id}", auth(ctx -> ctx.json(privacy.record(id(ctx)))));
        r.get(v + "/{id}/export", auth(ctx -> ctx.json(privacy.export(id(ctx)))));
        r.delete(v + "/{id}", auth(ctx -> {
            privacy.erase(id(ctx));
            ctx.status(204);
        }));
        r.put(v + "/{id}/consent", auth(ctx -> {
            long id = id(ctx);
            boolean consent = RequestBodies.required(
                    RequestBodies.ADMIN.read(ctx, Consent.class).marketing(), "marketing");
            privacy.record(id); // 404 for an unknown visitor
            hub.consent(id, consent, "operator");
            ctx.json(privacy.record(id));
        }));
        r.post(
                v + "/{id}/member-code",
                auth(ctx -> ctx.status(201).json(Map.of("memberCode", hub.issueMemberCode(id(ctx))))));
        String s = "/admin/v1/segments";
        SegmentService segments = hub.segments();
        r.get(
                s,
                auth(ctx -> ctx.json(
                        segments.all().stream().map(VisitorsAdminApi::segment).toList())));
        r.get(s + "/{code}", auth(ctx -> ctx.json(segment(segments.get(ctx.pathParam("code"))))));
        r.put(
                s + "/{code}",
                auth(ctx -> ctx.json(segment(segments.put(
                        ctx.pathParam("code"), RequestBodies.ADMIN.read(ctx, SegmentService.Input.class))))));
        r.delete(s + "/{code}", auth(ctx -> {
            segments.delete(ctx.pathParam("code"));
            ctx.status(204);
        }));
        r.get(
                s + "/{code}/members",
                auth(ctx -> ctx.json(
                        Map.of("visitors", segments.members(ctx.pathParam("code"), limit(ctx.queryParam("limit")))))));
    }

    static Map<String, Object> segment(SegmentService.Sized s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.segment().code());
        m.put("name", s.segment().name());
        m.put("expression", s.segment().expression());
        m.put("size", s.size());
        m.put("updatedAt", s.segment().updatedAt().toString());
        return m;
    }

    /** The visitor hint of a lookup body: exactly one part, else a typed 400. */
    static VisitorHint hint(Lookup in) {
        int n = (in.document() != null ? 1 : 0)
                + (in.phone() != null ? 1 : 0)
                + (in.email() != null ? 1 : 0)
                + (in.memberCode() != null ? 1 : 0);
        if (n != 1) {
            throw new ServiceException(Problem.BAD_REQUEST, "give exactly one of document, phone, email, memberCode");
        }
        if (in.document() != null) {
            DocumentType type;
            try {
                type = DocumentType.valueOf(String.valueOf(in.document().type()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ServiceException(Problem.BAD_REQUEST, "document.type is not a known document type");
            }
            return VisitorHint.document(
                    type, RequestBodies.required(in.document().number(), "document.number"));
        }
        if (in.phone() != null
                && (in.phone().length() > 40
                        || in.phone().replaceAll("[^0-9]", "").length() < 6)) {
            throw new ServiceException(Problem.BAD_REQUEST, "phone is not a phone number");
        }
        if (in.email() != null && (in.email().length() > 254 || !in.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new ServiceException(Problem.BAD_REQUEST, "email is not an email address");
        }
        if (in.memberCode() != null && !in.memberCode().matches("[A-Za-z0-9]{1,40}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "memberCode is not a member code");
        }
        return new VisitorHint(null, null, in.phone(), in.email(), in.memberCode());
    }

    private static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[0-9]{1,18}")) {
            throw new ServiceException(Problem.NOT_FOUND, "no such visitor", id.length() > 64 ? null : id);
        }
        return Long.parseLong(id);
    }

    private static int limit(String s) {
        if (s == null) {
            return 100;
        }
        if (!s.matches("[0-9]{1,4}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 1000) {
            throw new ServiceException(Problem.BAD_REQUEST, "limit must be 1 to 1000");
        }
        return Integer.parseInt(s);
    }

    private Handler auth(Handler h) {
        return AdminApi.authenticated(admin, h);
    }
}
