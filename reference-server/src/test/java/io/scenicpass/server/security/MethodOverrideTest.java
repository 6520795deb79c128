package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request is handled as the method on its request line, never as the one named by {@code X-HTTP-Method-Override}
 * (which Javalin's {@code Context.method()} honours), {@code X-HTTP-Method}, {@code X-Method-Override} or a
 * {@code _method} query parameter: such a request is refused with 400 METHOD_OVERRIDE_REFUSED on every route, and
 * nothing is done (a GET must not cancel, rotate or revoke).
 */
class MethodOverrideTest {
    private static final List<String> HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

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
    void aGetWithDeleteOverrideDoesNotCancelTheBooking() {
        SecurityFixture.hold(ts, key, "mo-hold", "R1");
        for (String h : HEADERS) {
            Answer a = ts.send("GET", "/octo/bookings/mo-hold", key, null, Map.of(h, "DELETE"));
            assertThat(a.status()).as(h + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().path("error").asText()).isEqualTo("BAD_REQUEST");
            assertThat(a.json().path("errorMessage").asText()).contains(h);
        }
        Answer q = ts.get("/octo/bookings/mo-hold?_method=DELETE", key);
        assertThat(q.status()).as(q.body()).isEqualTo(400);
        assertThat(ts.get("/octo/bookings/mo-hold", key).json().path("status").asText())
                .isEqualTo("ON_HOLD");

        SecurityFixture.book(ts, key, "mo-confirmed");
        Answer a = ts.send("GET", "/octo/bookings/mo-confirmed", key, null, Map.of("X-HTTP-Method-Override", "DELETE"));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(ts.get("/octo/bookings/mo-confirmed", key)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aGetWithPostOverrideDoesNotRotateTheIssuerKey() {
        String active = ts.server.keys().active().keyId();
        Answer a = ts.send(
                "GET", "/admin/v1/keys/rotate", TestServer.ADMIN, null, Map.of("X-HTTP-Method-Override", "POST"));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().path("code").asText()).isEqualTo("METHOD_OVERRIDE_REFUSED");
        assertThat(ts.server.keys().active().keyId()).isEqualTo(active);
    }

    @Test
    void aGetWithDeleteOverrideDoesNotRevokeAChannelsKeys() {
        String other = ts.channel("victim", 10_000, 10_000, null);
        for (String h : HEADERS) {
            Answer a = ts.send("GET", "/admin/v1/channels/victim/keys", TestServer.ADMIN, null, Map.of(h, "DELETE"));
            assertThat(a.status()).as(h + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().path("code").asText()).isEqualTo("METHOD_OVERRIDE_REFUSED");
        }
        assertThat(SecurityFixture.count(
                        ts, "SELECT COUNT(*) FROM channel_key WHERE channel_id=? AND NOT revoked", "victim"))
                .isEqualTo(1);
        assertThat(ts.get("/octo/products", other).status()).isEqualTo(200);
    }

    @Test
    void everyServedRouteRefusesAnOverrideWithATypedError() throws Exception {
        Set<String> routes = SecurityFixture.servedRoutes(ts.server);
        assertThat(routes).hasSizeGreaterThan(50);
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = SecurityFixture.concrete(route.substring(route.indexOf(' ') + 1), "x");
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            Answer a = ts.send(method, path, TestServer.ADMIN, body, Map.of("X-HTTP-Method-Override", "GET"));
            String code = path.startsWith("/octo")
                    ? a.json().path("error").asText()
                    : io.scenicpass.server.web.Pages.isPagePath(path)
                            ? pageCode(a.body()) // people's pages answer a typed page
                            : a.json().path("code").asText();
            String expected = path.startsWith("/octo") ? "BAD_REQUEST" : "METHOD_OVERRIDE_REFUSED";
            if (a.status() != 400 || !code.equals(expected)) {
                failures.add(route + " -> " + a.status() + " " + a.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The {@code data-code} of a page's error. */
    private static String pageCode(String html) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("data-code=\"([A-Z_]+)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }
}
