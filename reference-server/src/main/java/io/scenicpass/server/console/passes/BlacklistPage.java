package io.scenicpass.server.console.passes;

import static io.scenicpass.server.console.passes.PassesPage.value;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.core.DocumentType;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.identity.DocumentBlacklist;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.web.Pages;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /console/blacklist}: the document blacklist, numbers masked (VIEW); adding a document by type and number
 * with a reason, and removing an entry (BLACKLIST_WRITE, audited without the number). Through
 * {@link DocumentBlacklist}: only keyed hashes are searched, and the holder binding reaches the gates by their sync.
 */
public final class BlacklistPage {
    public record Model(
            List<DocumentBlacklist.View> entries,
            List<String> types,
            boolean all,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final DocumentBlacklist blacklist;

    BlacklistPage(ConsolePages pages, DocumentBlacklist blacklist) {
        this.pages = pages;
        this.blacklist = blacklist;
    }

    void register(RoutesConfig r) {
        r.get("/console/blacklist", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, "true".equals(ctx.queryParam("all")), value(ctx.queryParam("done")), null, null);
        });
        r.post("/console/blacklist/add", this::add);
        r.post("/console/blacklist/remove", this::remove);
    }

    private void add(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BLACKLIST_WRITE);
        try {
            String country = value(ctx.formParam("country"));
            DocumentBlacklist.View v = blacklist.add(
                    new IdentityInput(
                            value(ctx.formParam("type")),
                            value(ctx.formParam("number")),
                            null,
                            country.isEmpty() ? null : country),
                    value(ctx.formParam("reason")),
                    p.actor(),
                    null);
            pages.audited(p, "console: blacklist add", "entry=" + v.id(), "type=" + v.type());
            ctx.redirect("/console/blacklist?done=added", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            refused(ctx, e);
        }
    }

    private void remove(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BLACKLIST_WRITE);
        try {
            long id;
            try {
                id = Long.parseLong(value(ctx.formParam("id")));
            } catch (NumberFormatException e) {
                throw new ServiceException(Problem.BAD_REQUEST, "the entry id must be a number");
            }
            DocumentBlacklist.View v = blacklist.removeById(id, p.actor());
            pages.audited(p, "console: blacklist remove", "entry=" + v.id(), "type=" + v.type());
            ctx.redirect("/console/blacklist?done=removed", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            refused(ctx, e);
        }
    }

    private void refused(Context ctx, ServiceException e) {
        int status = switch (e.problem()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            default -> 400;
        };
        render(ctx, status, false, "", e.problem().name(), e.getMessage());
    }

    private void render(Context ctx, int status, boolean all, String done, String code, String error) {
        Pages.render(
                ctx,
                status,
                "console/passes/blacklist.jte",
                pages.frame(ctx, "blacklist.title", PassesPagesModule.TEXTS),
                new Model(
                        blacklist.list(!all),
                        Arrays.stream(DocumentType.values()).map(Enum::name).toList(),
                        all,
                        done,
                        code,
                        error));
    }
}
