package io.scenicpass.server.passes.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.AnnualPasses;
import io.scenicpass.server.passes.PassHolderHook.Enrolment;
import io.scenicpass.server.web.Pages;
import java.util.List;

/**
 * {@code /console/annual-passes}: the annual passes (VIEW), and what an operator does to one (BOOKINGS_REFUND, each
 * audited): activate at the desk (the holder's document and the face module's enrolment reference), freeze with a
 * reason, record an appeal, unfreeze, renew, refund pro rata (the amount due shown beforehand).
 */
public final class AnnualPassesPage {
    static final String TEXTS = "passes";
    private static final List<String> ACTIONS = List.of("activate", "freeze", "appeal", "unfreeze", "renew", "refund");

    /** One row: the pass and the refund due now (null once refunded). */
    public record Row(AnnualPass pass, Long refundDue) {}

    public record Model(List<Row> passes, String state, String done, String errorCode, String error) {}

    private final ConsolePages pages;
    private final AnnualPasses annual;

    public AnnualPassesPage(ConsolePages pages, AnnualPasses annual) {
        this.pages = pages;
        this.annual = annual;
        pages.addNav("/console/annual-passes", "nav.annualPasses", Right.VIEW);
    }

    public void register(RoutesConfig r) {
        r.get("/console/annual-passes", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, ctx.queryParam("done"), null, null);
        });
        r.post("/console/annual-passes/{action}", this::act);
    }

    private void act(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BOOKINGS_REFUND);
        String action = ctx.pathParam("action");
        String id = ctx.formParam("id");
        try {
            if (!ACTIONS.contains(action)) {
                throw new ServiceException(Problem.NOT_FOUND, "no such action", null);
            }
            AnnualPass a = switch (action) {
                case "activate" ->
                    annual.activate(
                            id,
                            new IdentityInput(
                                    ctx.formParam("type"), ctx.formParam("number"), ctx.formParam("name"), null),
                            new Enrolment("ADMIN", ctx.formParam("reference")));
                case "freeze" -> annual.freeze(id, ctx.formParam("reason"));
                case "appeal" -> annual.appeal(id, ctx.formParam("appeal"));
                case "unfreeze" -> annual.unfreeze(id);
                case "renew" -> annual.renew(id, price(ctx.formParam("price")));
                default -> annual.refund(id);
            };
            pages.audited(
                    p,
                    "console: annual pass " + action,
                    "id=" + a.id(),
                    "state=" + a.state() + (a.refunded() == null ? "" : " refunded=" + a.refunded()));
            ctx.redirect("/console/annual-passes?done=" + action, HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            int status = switch (e.problem()) {
                case NOT_FOUND -> 404;
                case PASS_STATE, ACTIVATION_DEADLINE_PASSED -> 409;
                default -> 400;
            };
            render(ctx, status, null, e.problem().name(), e.getMessage());
        }
    }

    private static Long price(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (!s.strip().matches("[0-9]{1,9}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "price must be a whole number of fen");
        }
        return Long.parseLong(s.strip());
    }

    private void render(Context ctx, int status, String done, String code, String error) {
        String state = ctx.queryParam("state");
        if (state != null && !List.of("SOLD", "ACTIVE", "FROZEN", "REFUNDED").contains(state)) {
            state = null;
        }
        List<Row> rows = annual.list(state).stream()
                .map(a -> new Row(a, a.state().equals(AnnualPass.REFUNDED) ? null : annual.refundDue(a)))
                .toList();
        Pages.render(
                ctx,
                status,
                "passes/annual-passes.jte",
                pages.frame(ctx, "passes.title", TEXTS, "console-pages"),
                new Model(rows, state, done != null && ACTIONS.contains(done) ? done : null, code, error));
    }
}
