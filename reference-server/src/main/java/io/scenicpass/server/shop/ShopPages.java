package io.scenicpass.server.shop;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.shop.account.SignInCodes;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Texts;
import io.scenicpass.server.web.WebSession;
import io.scenicpass.server.web.WebSessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every shop page starts from: the signed-in visitor (if any), the page's frame (language, texts, navigation) and
 * the redirect to sign-in for pages that need an account. Page handlers of every shop part use this one class.
 */
public final class ShopPages {
    private static final String ATTR = "scenicpass.shop.visitor";

    private final WebSessions sessions;
    private final SignInCodes accounts;

    public ShopPages(WebSessions sessions, SignInCodes accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    public WebSessions sessions() {
        return sessions;
    }

    /** The signed-in visitor of this request, if any. */
    public Optional<ShopVisitor> current(Context ctx) {
        ShopVisitor cached = ctx.attribute(ATTR);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ShopVisitor> v = sessions.current(ctx, WebSessions.SHOP)
                .filter(WebSession::signedIn)
                .flatMap(s -> accounts.visitor(Long.parseLong(s.subject())));
        v.ifPresent(x -> ctx.attribute(ATTR, x));
        return v;
    }

    /** The signed-in visitor, or empty having redirected (303) to sign-in with the way back. */
    public Optional<ShopVisitor> requireVisitor(Context ctx) {
        Optional<ShopVisitor> v = current(ctx);
        if (v.isEmpty()) {
            String back = ctx.path() + (ctx.queryString() != null ? "?" + ctx.queryString() : "");
            ctx.redirect("/shop/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        }
        return v;
    }

    /** The page's language ({@code zh-CN} or {@code en}). */
    public String lang(Context ctx) {
        return sessions.lang(ctx, WebSessions.SHOP);
    }

    /** The frame of a shop page: texts from {@code bundles} (then {@code shop}, then {@code web}), title by key. */
    public PageFrame frame(Context ctx, String titleKey, String... bundles) {
        String[] all = new String[bundles.length + 1];
        System.arraycopy(bundles, 0, all, 0, bundles.length);
        all[bundles.length] = "shop";
        Texts t = Texts.of(lang(ctx), all);
        Optional<ShopVisitor> v = current(ctx);
        List<PageFrame.Nav> nav = new ArrayList<>();
        nav.add(nav(ctx, "/shop", "nav.home"));
        nav.add(nav(ctx, "/shop/park", "nav.park"));
        if (v.isPresent()) {
            nav.add(nav(ctx, "/shop/tickets", "nav.tickets"));
            nav.add(nav(ctx, "/shop/travellers", "nav.travellers"));
            nav.add(nav(ctx, "/shop/messages", "nav.messages"));
        }
        return new PageFrame(
                ctx,
                sessions,
                WebSessions.SHOP,
                t,
                t.get(titleKey),
                v.map(ShopVisitor::masked).orElse(null),
                nav);
    }

    /** A local path under /shop to go back to after sign-in; anything else (another site, //host) is refused. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/shop") || next.startsWith("//") || next.contains("\\")) {
            return "/shop";
        }
        return next;
    }

    private static PageFrame.Nav nav(Context ctx, String href, String label) {
        return new PageFrame.Nav(href, label, ctx.path().equals(href));
    }
}
