package io.scenicpass.server.web;

import io.javalin.http.Context;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.web.store.WebSessionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Server-side sessions of the pages. The cookie ({@code sp_shop}, Path=/shop; {@code sp_console}, Path=/console) holds
 * 32 random bytes; the table their SHA-256, so a copy of the database opens no session. HttpOnly, SameSite=Lax, Secure
 * when the public URL or the request is https. Signing in replaces the session (new id, new CSRF token): a session
 * fixed before sign-in is worth nothing after.
 */
public final class WebSessions {
    public static final String SHOP = "shop";
    public static final String CONSOLE = "console";
    /** The request attribute holding the session read (or opened) for this request. */
    private static final String ATTR = "scenicpass.web.session.";

    private final Database db;
    private final WebSessionStore store = new WebSessionStore();
    private final Clock clock;
    private final SecureRandom random;
    private final boolean httpsPublicUrl;

    public WebSessions(Database db, Clock clock, SecureRandom random, String publicUrl) {
        this.db = db;
        this.clock = clock;
        this.random = random;
        this.httpsPublicUrl = publicUrl != null && publicUrl.startsWith("https:");
    }

    /** How long a session lives: a visitor stays signed in on their phone for 30 days, an operator for 12 hours. */
    public static Duration lifetime(String realm) {
        return SHOP.equals(realm) ? Duration.ofDays(30) : Duration.ofHours(12);
    }

    public static String cookieName(String realm) {
        return "sp_" + realm;
    }

    /** The request's live session in {@code realm}, if its cookie names one. */
    public Optional<WebSession> current(Context ctx, String realm) {
        WebSession cached = ctx.attribute(ATTR + realm);
        if (cached != null) {
            return Optional.of(cached);
        }
        String raw = ctx.cookie(cookieName(realm));
        if (raw == null || raw.length() > 64) {
            return Optional.empty();
        }
        Optional<WebSession> s = db.read(c -> store.find(c, hash(raw), realm, clock.millis()));
        s.ifPresent(x -> ctx.attribute(ATTR + realm, x));
        return s;
    }

    /** The request's session, opened now (cookie set) when it has none. */
    public WebSession open(Context ctx, String realm) {
        return current(ctx, realm).orElseGet(() -> create(ctx, realm, null, requestLang(ctx)));
    }

    /** Replaces the session by a signed-in one for {@code subject} (new id and CSRF token). */
    public WebSession signIn(Context ctx, String realm, String subject) {
        String lang = current(ctx, realm).map(WebSession::lang).orElseGet(() -> requestLang(ctx));
        current(ctx, realm)
                .ifPresent(s -> db.tx(c -> {
                    store.delete(c, s.idHash());
                    return null;
                }));
        return create(ctx, realm, subject, lang);
    }

    /** Ends the session (row deleted, cookie cleared). */
    public void signOut(Context ctx, String realm) {
        current(ctx, realm)
                .ifPresent(s -> db.tx(c -> {
                    store.delete(c, s.idHash());
                    return null;
                }));
        ctx.req().removeAttribute(ATTR + realm);
        ctx.res().addHeader("Set-Cookie", cookie(ctx, realm, "", 0));
    }

    /** Ends every session of a subject (account locked, erased or its password changed). */
    public int endAll(String realm, String subject) {
        return db.tx(c -> store.deleteSubject(c, realm, subject));
    }

    /** Records a step in progress on the session (e.g. the sign-in code's id). */
    public WebSession pending(Context ctx, WebSession s, String pending) {
        db.tx(c -> {
            store.setPending(c, s.idHash(), pending);
            return null;
        });
        WebSession next = new WebSession(s.idHash(), s.realm(), s.subject(), s.csrf(), s.lang(), pending);
        ctx.attribute(ATTR + s.realm(), next);
        return next;
    }

    /**
     * The page's language: {@code ?lang=} (remembered on the session, if any), then the session's, then the
     * {@code Accept-Language} header.
     */
    public String lang(Context ctx, String realm) {
        String asked = Lang.parse(ctx.queryParam("lang"));
        Optional<WebSession> s = current(ctx, realm);
        if (asked != null) {
            s.filter(x -> !asked.equals(x.lang())).ifPresent(x -> {
                db.tx(c -> {
                    store.setLang(c, x.idHash(), asked);
                    return null;
                });
                ctx.attribute(
                        ATTR + realm, new WebSession(x.idHash(), realm, x.subject(), x.csrf(), asked, x.pending()));
            });
            return asked;
        }
        return s.map(WebSession::lang).orElseGet(() -> requestLang(ctx));
    }

    /** True when the request carries the session's CSRF token (form field {@code _csrf} or {@code X-CSRF-Token}). */
    public boolean csrfMatches(Context ctx, String realm) {
        Optional<WebSession> s = current(ctx, realm);
        if (s.isEmpty()) {
            return false;
        }
        String given = ctx.header("X-CSRF-Token");
        if (given == null) {
            try {
                given = ctx.formParam("_csrf");
            } catch (Exception e) { // a broken multipart body (ServletException of a BadMessageException): no token
                return false;
            }
        }
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.US_ASCII),
                        s.get().csrf().getBytes(StandardCharsets.US_ASCII));
    }

    /** Deletes expired sessions (a job). */
    public int purge() {
        return db.tx(c -> store.purgeExpired(c, clock.millis()));
    }

    private WebSession create(Context ctx, String realm, String subject, String lang) {
        String raw = token();
        WebSession s = new WebSession(hash(raw), realm, subject, token(), lang, null);
        long now = clock.millis();
        long ttl = lifetime(realm).toMillis();
        db.tx(c -> {
            store.insert(c, s, now, now + ttl);
            return null;
        });
        ctx.res().addHeader("Set-Cookie", cookie(ctx, realm, raw, ttl / 1000));
        ctx.attribute(ATTR + realm, s);
        return s;
    }

    private String cookie(Context ctx, String realm, String value, long maxAgeSeconds) {
        boolean secure = httpsPublicUrl || "https".equalsIgnoreCase(ctx.scheme());
        return cookieName(realm) + "=" + value + "; Path=/" + realm + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    private static String requestLang(Context ctx) {
        String asked = Lang.parse(ctx.queryParam("lang"));
        return asked != null ? asked : Lang.fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String raw) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
