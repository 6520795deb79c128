package io.scenicpass.server.visitors.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.core.DocumentType;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.visitors.VisitorHint;
import io.scenicpass.server.visitors.VisitorsModule;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/visitors} (VISITORS_READ): the saved segments with their sizes, and a visitor looked up by a
 * document or a phone (a POST: the number stays out of URLs and logs) showing the masked record. A lookup is audited.
 */
public final class VisitorsPage {
    static final String TEXTS = "console-visitors";

    /** A segment row. */
    public record SegmentRow(String code, String name, String expression, long size) {}

    /** The page: segments, the record found (null: none asked), an error code and message (null: none). */
    public record Model(List<SegmentRow> segments, Map<String, Object> visitor, String errorCode, String error) {}

    private final ConsolePages pages;
    private final VisitorsModule hub;

    public VisitorsPage(ConsolePages pages, VisitorsModule hub) {
        this.pages = pages;
        this.hub = hub;
        pages.addNav("/console/visitors", "nav.visitors", Right.VISITORS_READ);
    }

    public void register(RoutesConfig r) {
        r.get("/console/visitors", ctx -> show(ctx, 200, null, null, null));
        r.post("/console/visitors/lookup", this::lookup);
    }

    private void lookup(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.VISITORS_READ);
        String kind = Optional.ofNullable(ctx.formParam("kind")).orElse("");
        String value = Optional.ofNullable(ctx.formParam("value")).orElse("").strip();
        VisitorHint hint;
        try {
            hint = switch (kind) {
                case "PHONE" -> VisitorsAdminApi.hint(new VisitorsAdminApi.Lookup(null, value, null, null));
                case "EMAIL" -> VisitorsAdminApi.hint(new VisitorsAdminApi.Lookup(null, null, value, null));
                default ->
                    VisitorsAdminApi.hint(new VisitorsAdminApi.Lookup(
                            new VisitorsAdminApi.Document(documentType(kind), value), null, null, null));
            };
            Optional<Long> id = hub.directory().find(hint);
            pages.audited(p, "visitor-lookup", id.map(String::valueOf).orElse(null), "kind=" + kind);
            if (id.isEmpty()) {
                show(ctx, 404, null, "NOT_FOUND", null);
                return;
            }
            show(ctx, 200, hub.privacy().record(id.get()), null, null);
        } catch (ServiceException e) {
            show(ctx, 400, null, "BAD_LOOKUP", e.getMessage()); // messages name fields, never the number
        }
    }

    private void show(Context ctx, int status, Map<String, Object> visitor, String code, String message) {
        pages.requireRight(ctx, Right.VISITORS_READ);
        PageFrame f = pages.frame(ctx, "visitors.title", TEXTS);
        List<SegmentRow> rows = hub.segments().all().stream()
                .map(s -> new SegmentRow(
                        s.segment().code(), s.segment().name(), s.segment().expression(), s.size()))
                .toList();
        Pages.render(ctx, status, "visitors/visitors.jte", f, new Model(rows, visitor, code, message));
    }

    private static String documentType(String kind) {
        for (DocumentType t : DocumentType.values()) {
            if (t.name().equals(kind)) {
                return kind;
            }
        }
        return "unknown";
    }
}
