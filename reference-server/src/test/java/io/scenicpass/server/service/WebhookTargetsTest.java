package io.scenicpass.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scenicpass.server.channels.WebhookTargets;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook and notifier URLs: only http(s), only public addresses unless {@code webhooks.allowPrivateTargets} — refused
 * when registered (typed 400) and again at delivery (the host resolved then: a stored or re-pointed name that now
 * resolves to loopback is not called), and a redirect is never followed.
 */
class WebhookTargetsTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    @TempDir
    Path dir;

    HttpServer receiver;
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger redirectedHits = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            hits.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.createContext("/moved", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders()
                    .add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/target");
            ex.sendResponseHeaders(307, -1);
            ex.close();
        });
        receiver.createContext("/target", ex -> {
            redirectedHits.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String local(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void registrationRefusesOtherSchemesAndNonPublicAddresses() {
        try (TestServer ts = TestServer.h2(dir)) {
            ts.channel("ota", 50, 100, null);
            for (String url : List.of(
                    "javascript:alert(1)",
                    "file:///etc/passwd",
                    "ftp://203.0.113.5/x",
                    "//203.0.113.5/x",
                    "http://",
                    "http://user:pw@203.0.113.5/h",
                    local("/hook"),
                    "http://localhost:8080/h",
                    "http://127.1/h",
                    "http://2130706433/h",
                    "http://0.0.0.0/h",
                    "http://10.1.2.3/h",
                    "http://172.16.0.1/h",
                    "http://192.168.1.1/h",
                    "http://169.254.169.254/latest/meta-data",
                    "http://100.64.0.1/h",
                    "http://[::1]/h",
                    "http://[::]/h",
                    "http://[::ffff:127.0.0.1]/h",
                    "http://[::ffff:10.0.0.1]/h",
                    "http://[fd00::1]/h",
                    "http://[fe80::1]/h",
                    "http://[ff02::1]/h",
                    "http://[64:ff9b::a00:1]/h",
                    "http://[2002:7f00:1::]/h",
                    "http://224.0.0.1/h")) {
                Answer created = ts.post(
                        "/admin/v1/channels",
                        TestServer.ADMIN,
                        "{\"id\":\"c1\",\"webhookUrl\":\"" + url + "\",\"webhookSecret\":\"s3cret\"}");
                assertThat(created.status()).as(url + " " + created.body()).isEqualTo(400);
                assertThat(created.json().get("message").asText()).as(url).contains("webhookUrl");
                assertThat(ts.send(
                                        "PATCH",
                                        "/admin/v1/channels/ota",
                                        TestServer.ADMIN,
                                        "{\"webhookUrl\":\"" + url + "\",\"webhookSecret\":\"s3cret\"}",
                                        Map.of())
                                .status())
                        .as(url)
                        .isEqualTo(400);
                assertThat(ts.send(
                                        "PUT",
                                        "/admin/v1/flow/notifier",
                                        TestServer.ADMIN,
                                        "{\"url\":\"" + url + "\"}",
                                        Map.of())
                                .status())
                        .as(url)
                        .isEqualTo(400);
            }
            assertThat(ts.server.channels().find("ota").orElseThrow().webhookUrl())
                    .isNull();
            assertThat(ts.server.flow().alerts.notifierUrl()).isNull();
            // no channel made by the refused registrations (the shop's own channel is made at start)
            assertThat(ts.get("/admin/v1/channels", TestServer.ADMIN).json().findValuesAsText("id"))
                    .containsExactlyInAnyOrder("ota", "shop");

            // public addresses are fine; a webhook needs its signing secret
            assertThat(ts.send(
                                    "PATCH",
                                    "/admin/v1/channels/ota",
                                    TestServer.ADMIN,
                                    "{\"webhookUrl\":\"https://203.0.113.5/hook\",\"webhookSecret\":\"s3cret\"}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
            assertThat(ts.post(
                                    "/admin/v1/channels",
                                    TestServer.ADMIN,
                                    "{\"id\":\"c2\",\"webhookUrl\":\"https://203.0.113.5/hook\"}")
                            .json()
                            .get("message")
                            .asText())
                    .contains("webhookSecret is required");
            assertThat(ts.send(
                                    "PUT",
                                    "/admin/v1/flow/notifier",
                                    TestServer.ADMIN,
                                    "{\"url\":\"https://[2001:db8::5]/n\"}",
                                    Map.of())
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    void theOptInAllowsALocalReceiverButNeverAnotherScheme() {
        try (TestServer ts = new TestServer(
                dir, null, new MutableClock(TestServer.START), Map.of("webhooks.allowPrivateTargets", "true"))) {
            assertThat(ts.post(
                                    "/admin/v1/channels",
                                    TestServer.ADMIN,
                                    "{\"id\":\"c1\",\"webhookUrl\":\"" + local("/hook")
                                            + "\",\"webhookSecret\":\"s3cret\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(ts.post(
                                    "/admin/v1/channels",
                                    TestServer.ADMIN,
                                    "{\"id\":\"c2\",\"webhookUrl\":\"javascript:alert(1)\",\"webhookSecret\":\"s\"}")
                            .status())
                    .isEqualTo(400);
        }
    }

    @Test
    void deliveryResolvesAgainAndRefusesATargetThatIsNowPrivate() {
        try (TestServer ts = TestServer.h2(dir)) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
            String key = ts.channel("hooked", 1000, 1000, "https://203.0.113.5/hook");
            // the name now points at loopback (DNS rebinding), or the URL was stored before this check existed
            String rebound = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
            ts.server.database().tx(c -> {
                new ChannelStore()
                        .update(c, new Channel("hooked", "hooked", "OTA", rebound, "s3cret", 1000, 1000, true));
                return null;
            });
            ts.post("/octo/bookings", key, TestServer.reserve("t-1", "tour", SLOT, "tour-adult"));
            assertThat(ts.post("/octo/bookings/t-1/confirm", key, null).status())
                    .isEqualTo(200);

            assertThat(ts.server.webhooks().deliverDue()).isZero();
            assertThat(hits).hasValue(0);
            assertThat(ts.server.webhooks().pending()).isEqualTo(1); // retried later, checked again then
            String error = ts.server.database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT last_error FROM outbox")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(error).startsWith("refused: target localhost is a non-public address (127.0.0.1)");
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        try (TestServer ts = new TestServer(
                dir, null, new MutableClock(TestServer.START), Map.of("webhooks.allowPrivateTargets", "true"))) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
            String key = ts.channel("hooked", 1000, 1000, local("/moved"));
            ts.post("/octo/bookings", key, TestServer.reserve("t-2", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/t-2/confirm", key, null);
            assertThat(ts.server.webhooks().deliverDue()).isZero();
            assertThat(redirectedHits).hasValue(0);
            assertThat(ts.server.webhooks().pending()).isEqualTo(1);
        }
    }

    @Test
    void publicMeansNoneOfTheSpecialRanges() throws Exception {
        for (String a : List.of(
                "8.8.8.8",
                "203.0.113.5",
                "2001:4860:4860::8888",
                "2606:4700::1111",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808")) {
            assertThat(WebhookTargets.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
        for (String a : List.of(
                "127.0.0.1",
                "10.0.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "255.255.255.255",
                "240.0.0.1",
                "224.0.0.251",
                "198.18.0.1",
                "192.0.0.8",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "fec0::1",
                "ff02::1",
                "::ffff:192.168.1.1",
                "::10.0.0.1",
                "64:ff9b::7f00:1",
                "2002:c0a8:101::1")) {
            assertThat(WebhookTargets.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
    }
}
