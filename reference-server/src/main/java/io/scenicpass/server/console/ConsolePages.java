package io.scenicpass.server.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.PageRefusal;
import io.scenicpass.server.web.Texts;
import io.scenicpass.server.web.WebSession;
import io.scenicpass.server.web.WebSessions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every console page starts from: the signed-in operator ({@link #current}), the right a page needs
 * ({@link #requireRight}: 403 FORBIDDEN page without it), the frame (language, texts, the navigation the operator's
 * rights allow) and the audit of a console change ({@link #audited}). A person who is not signed in is sent to
 * {@code /console/sign-in} and back before any console page runs.
 */
public final class ConsolePages {
    private static final String ATTR = "scenicpass.console.operator";

    /** A navigation entry shown to operators holding {@code right}; its label is in {@code bundle} (null: core). */
    public record NavItem(String href, String labelKey, Right right, String bundle) {}

    private final WebSessions sessions;
    private final Operators operators;
    private final AuditLog audit;
    private final List<NavItem> nav = new CopyOnWriteArrayList<>();
    /** The bundles holding the navigation's labels, loaded on every console page (after the page's own). */
    private final List<String> navBundles = new CopyOnWriteArrayList<>();

    public ConsolePages(WebSessions sessions, Operators operators, AuditLog audit) {
        this.sessions = sessions;
        this.operators = operators;
        this.audit = audit;
        addNav("/console/dashboard", "nav.dashboard", Right.VIEW);
    }

    /** Adds a page to the console's navigation (console pages of other parts call this when they register). */
    public ConsolePages addNav(String href, String labelKey, Right right) {
        return addNav(href, labelKey, right, null);
    }

    /** {@link #addNav} with the label in texts {@code bundle}, which every console page's frame then loads too. */
    public ConsolePages addNav(String href, String labelKey, Right right, String bundle) {
        nav.add(new NavItem(href, labelKey, right, bundle));
        return this;
    }

    /** Adds the texts bundle of navigation labels added by {@link #addNav} (so every page can name every link). */
    public ConsolePages navTexts(String bundle) {
        if (!navBundles.contains(bundle)) {
            navBundles.add(bundle);
        }
        return this;
    }

    public WebSessions sessions() {
        return sessions;
    }

    /** Sends every console page but sign-in to sign-in when nobody is signed in (GET: 303 and back; else 401). */
    public void register(RoutesConfig r) {
        r.before(ctx -> {
            String path = ctx.path();
            if (!(path.equals("/console") || path.startsWith("/console/"))
                    || path.equals("/console/sign-in")
                    || path.equals("/console/sign-in/code")
                    || current(ctx).isPresent()) {
                return;
            }
            if (io.scenicpass.server.http.HttpGuards.method(ctx).name().equals("GET")) {
                String back = path + (ctx.queryString() != null ? "?" + ctx.queryString() : "");
                ctx.redirect(
                        "/console/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8),
                        HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
            } else if (!path.equals("/console/sign-out")) {
                throw new PageRefusal(401, "UNAUTHORIZED");
            }
        });
    }

    /** The signed-in operator of this request (active), if any. */
    public Optional<Principal> current(Context ctx) {
        Principal cached = ctx.attribute(ATTR);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Principal> p = sessions.current(ctx, WebSessions.CONSOLE)
                .filter(WebSession::signedIn)
                .flatMap(s -> operators.principal(s.subject(), Principal.CONSOLE));
        p.ifPresent(x -> ctx.attribute(ATTR, x));
        return p;
    }

    /** The signed-in operator holding {@code right}; a 403 FORBIDDEN page otherwise (401 when not signed in). */
    public Principal requireRight(Context ctx, Right right) {
        Principal p = current(ctx).orElseThrow(() -> new PageRefusal(401, "UNAUTHORIZED"));
        if (!p.has(right)) {
            throw new PageRefusal(403, "FORBIDDEN");
        }
        return p;
    }

    /** Appends a change made on a console page to the audit log (summary without secrets or personal data). */
    public void audited(Principal who, String action, String target, String summary) {
        audit.record(who, Principal.CONSOLE, action, target, summary, 200);
    }

    public String lang(Context ctx) {
        return sessions.lang(ctx, WebSessions.CONSOLE);
    }

    /** The frame of a console page: texts from {@code bundles} (then {@code console-core}, then {@code web}). */
    public PageFrame frame(Context ctx, String titleKey, String... bundles) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(List.of(bundles));
        all.add("console-core");
        all.addAll(navBundles); // nav labels
        nav.stream().map(NavItem::bundle).filter(java.util.Objects::nonNull).forEach(all::add);
        Texts t = Texts.of(lang(ctx), all.toArray(String[]::new));
        Optional<Principal> p = current(ctx);
        List<PageFrame.Nav> links = new ArrayList<>();
        if (p.isPresent()) {
            for (NavItem n : nav) {
                if (p.get().has(n.right())) {
                    links.add(
                            new PageFrame.Nav(n.href(), n.labelKey(), ctx.path().equals(n.href())));
                }
            }
            if (p.get().has(Right.AUDIT_READ)) {
                links.add(new PageFrame.Nav(
                        "/console/audit", "nav.audit", ctx.path().equals("/console/audit")));
            }
            links.add(new PageFrame.Nav(
                    "/console/account", "nav.account", ctx.path().equals("/console/account")));
        }
        return new PageFrame(
                ctx,
                sessions,
                WebSessions.CONSOLE,
                t,
                t.get(titleKey),
                p.map(x -> x.login() + " · " + t.get("role." + x.role().name())).orElse(null),
                links);
    }

    /** A local path under /console to go back to after sign-in; anything else is refused. */
    public static String safeNext(String next) {
        if (next == null
                || !(next.equals("/console") || next.startsWith("/console/"))
                || next.startsWith("//")
                || next.contains("\\")) {
            return "/console";
        }
        return next;
    }
}
