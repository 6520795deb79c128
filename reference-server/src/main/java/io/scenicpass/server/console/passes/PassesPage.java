package io.scenicpass.server.console.passes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.sales.PassActions;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /console/passes}: passes looked up by pass id or booking (query) or by a visitor's document (a POST: numbers
 * never go into URLs), each with its state, entries and the operators' actions (VIEW); a pass voided or reissued with
 * a reason (BOOKINGS_REFUND, audited): the gates refuse the old pass after their next sync.
 */
public final class PassesPage {
    public record Model(
            String by,
            String query,
            List<PassLookup.Found> found,
            boolean searched,
            String done,
            String newPass,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final PassLookup lookup;
    private final PassActions actions;

    PassesPage(ConsolePages pages, PassLookup lookup, PassActions actions) {
        this.pages = pages;
        this.lookup = lookup;
        this.actions = actions;
    }

    void register(RoutesConfig r) {
        r.get("/console/passes", this::show);
        r.post("/console/passes/by-document", this::byDocument);
        r.post("/console/passes/void", ctx -> act(ctx, false));
        r.post("/console/passes/reissue", ctx -> act(ctx, true));
    }

    private void show(Context ctx) {
        pages.requireRight(ctx, Right.VIEW);
        String pass = value(ctx.queryParam("pass"));
        String booking = value(ctx.queryParam("booking"));
        String done = value(ctx.queryParam("done"));
        String fresh = value(ctx.queryParam("new"));
        if (!pass.isEmpty()) {
            render(ctx, 200, new Model("pass", pass, lookup.byPass(pass), true, done, fresh, null, null));
        } else if (!booking.isEmpty()) {
            render(ctx, 200, new Model("booking", booking, lookup.byBooking(booking), true, done, fresh, null, null));
        } else {
            render(ctx, 200, new Model("pass", "", List.of(), false, done, fresh, null, null));
        }
    }

    private void byDocument(Context ctx) {
        pages.requireRight(ctx, Right.VIEW);
        try {
            List<PassLookup.Found> found = lookup.byDocument(
                    value(ctx.formParam("type")), value(ctx.formParam("number")), value(ctx.formParam("country")));
            render(ctx, 200, new Model("document", "", found, true, "", "", null, null));
        } catch (ServiceException e) {
            refused(ctx, "document", "", e);
        }
    }

    private void act(Context ctx, boolean reissue) {
        Principal p = pages.requireRight(ctx, Right.BOOKINGS_REFUND);
        String passId = value(ctx.formParam("passId"));
        String reason = value(ctx.formParam("reason"));
        try {
            PassActions.Done d =
                    reissue ? actions.reissue(passId, reason, p.actor()) : actions.voidPass(passId, reason, p.actor());
            pages.audited(
                    p,
                    reissue ? "console: reissue pass" : "console: void pass",
                    "passId=" + passId + ", bookingId=" + d.action().bookingUuid(),
                    reissue ? "newPassId=" + d.newPass().passId() : null);
            String shown = reissue ? d.newPass().passId() : passId;
            ctx.redirect(
                    "/console/passes?pass=" + URLEncoder.encode(shown, StandardCharsets.UTF_8) + "&done="
                            + d.action().action() + (reissue ? "&new=" + shown : ""),
                    HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            refused(ctx, "pass", passId, e);
        }
    }

    private void refused(Context ctx, String by, String query, ServiceException e) {
        int status = switch (e.problem()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE_ENTITY -> 422;
            default -> 400;
        };
        List<PassLookup.Found> found = by.equals("pass") && !query.isEmpty() ? lookup.byPass(query) : List.of();
        render(
                ctx,
                status,
                new Model(by, query, found, false, "", "", e.problem().name(), e.getMessage()));
    }

    private void render(Context ctx, int status, Model m) {
        Pages.render(
                ctx, status, "console/passes/passes.jte", pages.frame(ctx, "passes.title", PassesPagesModule.TEXTS), m);
    }

    static String value(String s) {
        return s == null ? "" : s.trim();
    }
}
