package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.sync.DeviceCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code /admin/v1/*} route — enumerated from the RUNNING server's route table, so a route added later is
 * covered without touching this test — refuses a request without a token, with a wrong token, with a channel API key,
 * with a device token, with an enrollment token and with near-misses of the admin token, with 401 UNAUTHORIZED and
 * nothing done. The dashboard's data endpoints live under {@code /admin/v1/flow} and are part of the same sweep; its
 * static page and scripts carry no data and no token.
 */
class AdminAuthTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String channelKey;
    static DeviceCredentials device;
    static String enrollmentToken;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
        channelKey = ts.channel("ota", 10_000, 10_000, null);
        device = SecurityFixture.enroll(ts, dir.resolve("terminal"), "gate-a");
        enrollmentToken = SecurityFixture.enrollmentToken(ts, "gate-a");
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    private static List<String> badCredentials() {
        List<String> auth = new ArrayList<>();
        auth.add(null);
        auth.add("");
        auth.add("Bearer");
        auth.add("Bearer ");
        auth.add("Bearer wrong-token");
        auth.add("Bearer " + channelKey);
        auth.add("Device " + device.deviceToken());
        auth.add("Bearer " + device.deviceToken());
        auth.add("Bearer " + enrollmentToken);
        auth.add("Bearer " + TestServer.ADMIN + "x");
        auth.add("Bearer " + TestServer.ADMIN.substring(0, TestServer.ADMIN.length() - 1));
        auth.add("Bearer " + TestServer.ADMIN.toUpperCase(java.util.Locale.ROOT));
        auth.add("Basic " + Base64.getEncoder().encodeToString(("admin:" + TestServer.ADMIN).getBytes()));
        auth.add("Device " + TestServer.ADMIN);
        auth.add(TestServer.ADMIN);
        return auth;
    }

    @Test
    void everyAdminRouteRefusesWithoutAValidAdminToken() throws Exception {
        Set<String> routes = SecurityFixture.servedRoutes(ts.server).stream()
                .filter(r -> r.contains(" /admin/"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(routes)
                .as("admin routes found in the route table")
                .hasSizeGreaterThan(40)
                .contains("POST /admin/v1/keys/rotate", "GET /admin/v1/flow/summary", "POST /admin/v1/channels");
        String activeKey = ts.server.keys().active().keyId();
        long channels = SecurityFixture.count(ts, "SELECT COUNT(*) FROM channel", null);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = SecurityFixture.concrete(route.substring(route.indexOf(' ') + 1), "x");
            String body = method.equals("GET") || method.equals("DELETE")
                    ? null
                    : "{\"id\":\"evil\",\"gateId\":\"gate-a\",\"capacity\":0,\"closed\":true,\"active\":false}";
            for (String auth : badCredentials()) {
                Answer a = SecurityFixture.send(ts, method, path, auth, body);
                checked++;
                if (a.status() != 401 || !a.body().contains("\"UNAUTHORIZED\"")) {
                    failures.add(route + " with [" + describe(auth) + "] -> " + a.status() + " " + a.body());
                }
            }
            // the token in the query string is not a credential either
            Answer q = SecurityFixture.send(
                    ts, method, path + "?token=" + TestServer.ADMIN + "&access_token=" + TestServer.ADMIN, null, body);
            if (q.status() != 401) {
                failures.add(route + " with ?token= -> " + q.status());
            }
        }
        assertThat(failures)
                .as("admin routes that did not refuse (of %d requests)", checked)
                .isEmpty();
        assertThat(ts.server.keys().active().keyId()).as("no rotation happened").isEqualTo(activeKey);
        assertThat(SecurityFixture.count(ts, "SELECT COUNT(*) FROM channel", null))
                .as("no channel created")
                .isEqualTo(channels);
        // and the valid token does work on the same table (the sweep above is not vacuous)
        assertThat(ts.get("/admin/v1/channels", TestServer.ADMIN).status()).isEqualTo(200);
        assertThat(SecurityFixture.send(ts, "GET", "/admin/v1/flow/summary", "bearer " + TestServer.ADMIN, null)
                        .status())
                .as("scheme is case-insensitive")
                .isEqualTo(200);
    }

    /**
     * Regression: Jetty's per-connection header cache matched values case-insensitively, so on one kept-alive
     * connection a token differing from an earlier one only in case reached the handlers as the earlier token.
     */
    @Test
    void aCredentialDifferingOnlyInCaseIsRefusedOnTheSameKeptAliveConnection() {
        okhttp3.OkHttpClient one = ts.http
                .newBuilder()
                .connectionPool(new okhttp3.ConnectionPool(1, 1, java.util.concurrent.TimeUnit.MINUTES))
                .build();
        String upper = TestServer.ADMIN.toUpperCase(java.util.Locale.ROOT);
        String swapped = swapCase(channelKey);
        int[] statuses = {
            call(one, "/admin/v1/zones", "Bearer " + TestServer.ADMIN),
            call(one, "/admin/v1/zones", "Bearer " + upper),
            call(one, "/admin/v1/zones", "Bearer " + upper),
            call(one, "/admin/v1/zones", "Bearer " + TestServer.ADMIN),
            call(one, "/octo/products", "Bearer " + channelKey),
            call(one, "/octo/products", "Bearer " + swapped),
            call(one, "/terminal/v1/config", "Device " + device.deviceToken()),
            call(one, "/terminal/v1/config", "Device " + swapCase(device.deviceToken()))
        };
        assertThat(one.connectionPool().connectionCount())
                .as("one kept-alive connection")
                .isEqualTo(1);
        assertThat(statuses).containsExactly(200, 401, 401, 200, 200, 401, 200, 401);
    }

    private static int call(okhttp3.OkHttpClient client, String path, String authorization) {
        try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder()
                        .url(ts.url(path))
                        .header("Authorization", authorization)
                        .build())
                .execute()) {
            r.body().string();
            return r.code();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }

    @Test
    void theDashboardPageAndScriptsCarryNoTokenAndNoData() {
        for (String asset : List.of("/dashboard", "/dashboard/app.js", "/dashboard/style.css")) {
            Answer a = ts.get(asset, null);
            assertThat(a.status()).as(asset).isEqualTo(200);
            assertThat(a.body())
                    .as(asset)
                    .doesNotContain(TestServer.ADMIN)
                    .doesNotContain(channelKey)
                    .doesNotContain(device.deviceToken());
        }
    }

    @Test
    void metricsExposeNoSecrets() {
        SecurityFixture.book(ts, channelKey, "metrics-1");
        Answer m = ts.get("/metrics", null);
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body())
                .doesNotContain(TestServer.ADMIN)
                .doesNotContain(channelKey)
                .doesNotContain(device.deviceToken())
                .doesNotContain(enrollmentToken)
                .doesNotContain("test-passphrase");
    }

    private static String describe(String auth) {
        if (auth == null) {
            return "no header";
        }
        return auth.length() > 14 ? auth.substring(0, 14) + "…" : auth;
    }
}
