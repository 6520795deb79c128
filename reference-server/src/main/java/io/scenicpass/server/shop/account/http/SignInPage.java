package io.scenicpass.server.shop.account.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.SignInCodes;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.PageRefusal;
import io.scenicpass.server.web.Pages;
import io.scenicpass.server.web.WebSession;
import io.scenicpass.server.web.WebSessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sign-in to the shop: {@code /shop/sign-in} asks for an email or mobile number and sends a code, {@code
 * /shop/sign-in/code} takes it and signs the session in (a new session), {@code /shop/sign-out} ends it.
 */
public final class SignInPage {
    /** The sign-in form's model: the way back, what was typed, and the error (code) to show. */
    public record Form(String next, String address, String errorCode, String sentTo) {}

    private final ShopPages pages;
    private final SignInCodes codes;

    public SignInPage(ShopPages pages, SignInCodes codes) {
        this.pages = pages;
        this.codes = codes;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/sign-in", this::form);
        r.post("/shop/sign-in", this::send);
        r.get("/shop/sign-in/code", this::codeForm);
        r.post("/shop/sign-in/code", this::verify);
        r.post("/shop/sign-out", this::signOut);
    }

    private void form(Context ctx) {
        PageFrame f = pages.frame(ctx, "signIn.title", "shop-account");
        Pages.render(
                ctx, 200, "shop/sign-in.jte", f, new Form(ShopPages.safeNext(ctx.queryParam("next")), "", null, null));
    }

    private void send(Context ctx) {
        String next = ShopPages.safeNext(ctx.formParam("next"));
        String typed = ctx.formParam("address");
        WebSession s = pages.sessions().open(ctx, WebSessions.SHOP);
        try {
            String id = codes.request(typed, ctx.ip(), pages.lang(ctx));
            pages.sessions().pending(ctx, s, id);
        } catch (PageRefusal e) {
            PageFrame f = pages.frame(ctx, "signIn.title", "shop-account");
            Pages.render(
                    ctx, e.status(), "shop/sign-in.jte", f, new Form(next, typed == null ? "" : typed, e.code(), null));
            return;
        }
        ctx.redirect(
                "/shop/sign-in/code?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private void codeForm(Context ctx) {
        String next = ShopPages.safeNext(ctx.queryParam("next"));
        String pending = pages.sessions()
                .current(ctx, WebSessions.SHOP)
                .map(WebSession::pending)
                .orElse(null);
        if (pending == null) {
            ctx.redirect("/shop/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        PageFrame f = pages.frame(ctx, "code.title", "shop-account");
        Pages.render(ctx, 200, "shop/code.jte", f, new Form(next, "", null, codes.maskedAddressOf(pending)));
    }

    private void verify(Context ctx) {
        String next = ShopPages.safeNext(ctx.formParam("next"));
        WebSession s = pages.sessions().current(ctx, WebSessions.SHOP).orElseThrow(() -> new PageRefusal(403, "CSRF"));
        if (s.pending() == null) {
            ctx.redirect("/shop/sign-in", HttpStatus.SEE_OTHER);
            return;
        }
        long visitor;
        try {
            visitor = codes.verify(s.pending(), ctx.formParam("code"), pages.lang(ctx));
        } catch (PageRefusal e) {
            PageFrame f = pages.frame(ctx, "code.title", "shop-account");
            Pages.render(
                    ctx,
                    e.status(),
                    "shop/code.jte",
                    f,
                    new Form(next, "", e.code(), codes.maskedAddressOf(s.pending())));
            return;
        }
        pages.sessions().signIn(ctx, WebSessions.SHOP, Long.toString(visitor));
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        pages.sessions().signOut(ctx, WebSessions.SHOP);
        ctx.redirect("/shop", HttpStatus.SEE_OTHER);
    }
}
