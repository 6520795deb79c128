package io.scenicpass.server.console.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.console.AuditLog;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.console.store.AuditStore;
import io.scenicpass.server.web.Pages;
import java.util.List;

/** {@code /console/audit}: the audit log with filters (who, action, from, to), newest first, 100 a page. */
public final class AuditPage {
    /** The page's model: the filters as typed and the entries found. */
    public record Model(
            String actor, String action, String from, String to, List<AuditStore.Entry> entries, Long older) {}

    private final ConsolePages pages;
    private final AuditLog audit;

    public AuditPage(ConsolePages pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    public void register(RoutesConfig r) {
        r.get("/console/audit", this::show);
    }

    private void show(Context ctx) {
        pages.requireRight(ctx, Right.AUDIT_READ);
        AuditStore.Filter filter = OperatorsApi.filter(ctx);
        List<AuditStore.Entry> entries = audit.read(filter);
        Long older = entries.size() == filter.limit()
                ? entries.get(entries.size() - 1).id()
                : null;
        Pages.render(
                ctx,
                200,
                "console/audit.jte",
                pages.frame(ctx, "audit.title"),
                new Model(
                        value(ctx, "actor"),
                        value(ctx, "action"),
                        value(ctx, "from"),
                        value(ctx, "to"),
                        entries,
                        older));
    }

    private static String value(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }
}
