package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer (every served route, with and without credentials, errors of the APIs and of Jetty itself) carries
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer} and a
 * Content-Security-Policy with {@code frame-ancestors 'none'}; the dashboard's HTML page gets a policy that allows
 * its own script and style files only (no inline script).
 */
class SecurityHeadersTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
        key = ts.channel("ota", 10_000, 10_000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void theDashboardPageMayRunItsOwnScriptOnlyAndCannotBeFramed() {
        for (String path : List.of("/dashboard", "/dashboard/")) {
            Answer a = ts.get(path, null);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.headers().get("content-type")).startsWith("text/html");
            String csp = a.headers().get("content-security-policy");
            assertThat(csp)
                    .as(path)
                    .contains(
                            "default-src 'none'",
                            "script-src 'self'",
                            "style-src 'self'",
                            "connect-src 'self'",
                            "frame-ancestors 'none'",
                            "base-uri 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertCommon(path, a.headers());
        }
        // the page itself has no inline script or style the policy would block
        String html = ts.get("/dashboard", null).body();
        assertThat(html.replaceAll("<script src=\"[^\"]+\"></script>", ""))
                .doesNotContain("<script", "<style", " style=", " onclick=", " onload=");
    }

    @Test
    void everyServedRouteAnswersWithTheHeadersWithAndWithoutCredentials() throws Exception {
        Set<String> routes = SecurityFixture.servedRoutes(ts.server);
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = SecurityFixture.concrete(route.substring(route.indexOf(' ') + 1), "x");
            if (path.equals("/terminal/v1/events")) {
                continue; // an event stream stays open; its refusal without a device token is checked below
            }
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (String bearer : new String[] {null, path.startsWith("/octo") ? key : TestServer.ADMIN}) {
                Answer a = ts.send(method, path, bearer, body, Map.of());
                String missing = missing(a.headers());
                if (missing != null) {
                    failures.add(route + " (" + a.status() + ") lacks " + missing);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertCommon(
                "events without a token", ts.get("/terminal/v1/events", null).headers());
    }

    @Test
    void errorsOfJettyItselfCarryTheHeadersToo() throws Exception {
        assertCommon("unknown path", ts.get("/no/such/thing", null).headers());
        assertCommon(
                "override",
                ts.send("GET", "/octo/products", key, null, Map.of("X-HTTP-Method", "DELETE"))
                        .headers());
        assertCommon(
                "413",
                ts.post("/octo/bookings", key, "{\"uuid\":\"" + "x".repeat(1_100_000) + "\"}")
                        .headers());
        // a request line Jetty refuses before any route: %00 in the path
        try (Socket s = new Socket("127.0.0.1", ts.server.port())) {
            s.getOutputStream().write("GET /octo/%00 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String head = SecurityFixture.rawAnswer(s.getInputStream()).toLowerCase(Locale.ROOT);
            assertThat(head)
                    .startsWith("http/1.1 400")
                    .contains(
                            "x-content-type-options: nosniff",
                            "x-frame-options: deny",
                            "referrer-policy: no-referrer",
                            "frame-ancestors 'none'");
        }
    }

    private static void assertCommon(String what, Map<String, String> headers) {
        assertThat(missing(headers)).as(what + ": " + headers).isNull();
    }

    /** The first of the expected headers missing or wrong, or null. */
    private static String missing(Map<String, String> h) {
        if (!"nosniff".equals(h.get("x-content-type-options"))) {
            return "X-Content-Type-Options";
        }
        if (!"DENY".equals(h.get("x-frame-options"))) {
            return "X-Frame-Options";
        }
        if (!"no-referrer".equals(h.get("referrer-policy"))) {
            return "Referrer-Policy";
        }
        String csp = h.get("content-security-policy");
        return csp != null && csp.contains("frame-ancestors 'none'") ? null : "Content-Security-Policy";
    }
}
