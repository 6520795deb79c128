package io.scenicpass.server.console.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.web.Pages;
import java.util.Base64;
import java.util.List;

/**
 * The operator's own page {@code /console/account}: the second factor (enrol TOTP from a QR shown on screen, confirm
 * with a code) and personal API tokens for {@code /admin/v1} (created here, shown once, revoked here).
 */
public final class AccountPages {
    /** The page's model: who, the TOTP state, an enrolment in progress, a token just made, the tokens, an error. */
    public record Account(
            Operators.Operator operator,
            String qrDataUri,
            String secret,
            Operators.NewToken newToken,
            List<Operators.Token> tokens,
            String errorCode,
            String notice) {}

    private final ConsolePages pages;
    private final Operators operators;

    public AccountPages(ConsolePages pages, Operators operators) {
        this.pages = pages;
        this.operators = operators;
    }

    public void register(RoutesConfig r) {
        r.get("/console/account", ctx -> show(ctx, null, null, null, null, 200));
        r.post("/console/account/totp", this::startTotp);
        r.post("/console/account/totp/confirm", this::confirmTotp);
        r.post("/console/account/tokens", this::createToken);
        r.post("/console/account/tokens/{id}/revoke", this::revokeToken);
    }

    private void startTotp(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.VIEW);
        Operators.Enrolment e = operators.startTotp(p.operatorId());
        String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(IssuanceService.qrPng(e.uri(), 240));
        show(ctx, new String[] {qr, e.secret()}, null, null, null, 200);
    }

    private void confirmTotp(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.VIEW);
        if (!operators.confirmTotp(p.operatorId(), ctx.formParam("code"))) {
            show(ctx, null, null, "TOTP_WRONG_CODE", null, 400);
            return;
        }
        pages.audited(p, "totp.enrol", "operator=" + p.login(), null);
        show(ctx, null, null, null, "account.totpOn", 200);
    }

    private void createToken(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.VIEW);
        Operators.NewToken t = operators.createToken(p.operatorId(), ctx.formParam("name"));
        pages.audited(p, "token.create", "token=" + t.id(), "name=" + t.name());
        show(ctx, null, t, null, null, 201);
    }

    private void revokeToken(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.VIEW);
        operators.revokeToken(p.operatorId(), ctx.pathParam("id"));
        pages.audited(p, "token.revoke", "token=" + ctx.pathParam("id"), null);
        ctx.redirect("/console/account", HttpStatus.SEE_OTHER);
    }

    private void show(
            Context ctx, String[] enrolment, Operators.NewToken made, String error, String notice, int status) {
        Principal p = pages.requireRight(ctx, Right.VIEW);
        Pages.render(
                ctx,
                status,
                "console/account.jte",
                pages.frame(ctx, "account.title"),
                new Account(
                        operators.get(p.operatorId()),
                        enrolment == null ? null : enrolment[0],
                        enrolment == null ? null : enrolment[1],
                        made,
                        operators.tokens(p.operatorId()),
                        error,
                        notice));
    }
}
