package io.scenicpass.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A browser-like client of the server's pages over real HTTP: it keeps cookies (as a browser would), does not follow
 * redirects (tests assert them), and fills each form post's {@code _csrf} from the last page it read.
 */
public final class PageClient {
    /** A page's answer: status, body, headers (first value, lower-case names) and every Set-Cookie. */
    public record Page(int status, String body, Map<String, String> headers, List<String> setCookies) {
        /** The {@code data-code} of the page's error, or null. */
        public String errorCode() {
            Matcher m =
                    Pattern.compile("id=\"error\"[^>]*data-code=\"([A-Z_]+)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        public String location() {
            return headers.get("location");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, Cookie> jar = new HashMap<>();
    private final OkHttpClient http;
    private String csrf;
    private String acceptLanguage = "zh-CN,zh;q=0.9";

    public PageClient(String baseUrl) {
        this(baseUrl, new OkHttpClient());
    }

    /** A client on {@code shared}'s connections and threads, with its own cookies (thousands of visitors in a load test). */
    public PageClient(String baseUrl, OkHttpClient shared) {
        this.base = baseUrl;
        this.http = shared.newBuilder()
                .followRedirects(false)
                .cookieJar(new CookieJar() {
                    @Override
                    public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
                        for (Cookie c : cookies) {
                            jar.put(c.name() + c.path(), c);
                        }
                    }

                    @Override
                    public List<Cookie> loadForRequest(HttpUrl url) {
                        List<Cookie> out = new ArrayList<>();
                        for (Cookie c : jar.values()) {
                            if (c.matches(url) && c.expiresAt() > System.currentTimeMillis()) {
                                out.add(c);
                            }
                        }
                        return out;
                    }
                })
                .build();
    }

    public PageClient language(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
        return this;
    }

    public Page get(String path) {
        return call(new Request.Builder().url(base + path).get());
    }

    /** Posts a form with the last page's CSRF token added (unless {@code fields} has its own {@code _csrf}). */
    public Page post(String path, Map<String, String> fields) {
        FormBody.Builder b = new FormBody.Builder();
        if (!fields.containsKey("_csrf") && csrf != null) {
            b.add("_csrf", csrf);
        }
        fields.forEach(b::add);
        return call(new Request.Builder().url(base + path).post(b.build()));
    }

    /**
     * Posts a multipart form (a file input's upload) with the last page's CSRF token added as {@link #post} does, and
     * one file part {@code fileField} (none when {@code file} is null).
     */
    public Page postMultipart(String path, Map<String, String> fields, String fileField, String filename, byte[] file) {
        okhttp3.MultipartBody.Builder b = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM);
        if (!fields.containsKey("_csrf") && csrf != null) {
            b.addFormDataPart("_csrf", csrf);
        }
        fields.forEach(b::addFormDataPart);
        if (file != null) {
            b.addFormDataPart(
                    fileField,
                    filename,
                    okhttp3.RequestBody.create(file, okhttp3.MediaType.get("application/octet-stream")));
        }
        return call(new Request.Builder().url(base + path).post(b.build()));
    }

    /** Posts any body (a broken upload, a fuzz case) with this client's cookies. */
    public Page postRaw(String path, okhttp3.RequestBody body) {
        return call(new Request.Builder().url(base + path).post(body));
    }

    /** The CSRF token of the last page that had one. */
    public String csrf() {
        return csrf;
    }

    /** Follows a redirect answer (GET of its Location). */
    public Page follow(Page redirect) {
        return get(redirect.location());
    }

    /** The cookie of that name, if the jar holds one. */
    public Cookie cookie(String name) {
        return jar.values().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private Page call(Request.Builder rb) {
        rb.header("Accept-Language", acceptLanguage);
        try (Response r = http.newCall(rb.build()).execute()) {
            String body = r.body().string();
            Map<String, String> h = new HashMap<>();
            for (String n : r.headers().names()) {
                h.put(n.toLowerCase(java.util.Locale.ROOT), r.header(n));
            }
            Matcher m = CSRF.matcher(body);
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(r.code(), body, h, r.headers("Set-Cookie"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
