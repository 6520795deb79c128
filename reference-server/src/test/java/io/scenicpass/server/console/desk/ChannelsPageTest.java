package io.scenicpass.server.console.desk;

import static io.scenicpass.server.console.desk.DeskPages.match;
import static io.scenicpass.server.console.desk.DeskPages.noMissingText;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's channels page over real HTTP: a channel created with its key shown once, the key rotated (the old one
 * refused on OCTO, the new one taken), the rate limit changed and enforced on OCTO (typed 429 with Retry-After), an
 * allotment set (refused below what the channel sold), a failed webhook delivery sent again by the delivery job, each
 * change audited without a key, and the rights on the page and the API alike.
 */
class ChannelsPageTest {
    static final String SLOT = "tour-opt|2026-06-02T10:00:00+08:00";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String adminPassword;
    static HttpServer receiver;
    /** The receiver's answer to the next webhooks. */
    static final AtomicInteger answer = new AtomicInteger(500);

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(answer.get(), -1);
            ex.close();
        });
        receiver.start();
        ts = new TestServer(
                dir, null, new MutableClock(TestServer.START), Map.of("webhooks.allowPrivateTargets", "true"));
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        adminPassword = ConsoleSignIn.adminPassword(ts);
    }

    @AfterAll
    static void stop() {
        ts.close();
        receiver.stop(0);
    }

    @Test
    void aChannelsKeyIsShownOnceAndRotatingItRefusesTheOldOne() {
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        Page list = c.get("/console/channels");
        assertThat(list.status()).isEqualTo(200);
        noMissingText(list);
        Page made = c.post(
                "/console/channels/create",
                Map.of("id", "fliggy", "name", "Fliggy", "kind", "OTA", "ratePerSecond", "20", "burst", "40"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().get("cache-control")).isEqualTo("no-store");
        String key = match(made.body(), "<code id=\"new-key\">(sp_[A-Za-z0-9_-]+)</code>");
        assertThat(ts.get("/octo/products", key).status()).isEqualTo(200);
        // never again: not on the channel's page, not in the audit log
        Page shown = c.get("/console/channels?id=fliggy");
        assertThat(shown.body()).doesNotContain(key).contains("data-channel=\"fliggy\"", "initial");
        noMissingText(shown);
        assertThat(ts.get("/admin/v1/audit?action=channel", TestServer.ADMIN).body())
                .contains("console: create channel", "channelId=fliggy")
                .doesNotContain(key);

        Page rotated = c.post("/console/channels/rotate", Map.of("channelId", "fliggy"));
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = match(rotated.body(), "<code id=\"new-key\">(sp_[A-Za-z0-9_-]+)</code>");
        assertThat(fresh).isNotEqualTo(key);
        assertThat(ts.get("/octo/products", key).status()).isEqualTo(401);
        assertThat(ts.get("/octo/products", fresh).status()).isEqualTo(200);
        assertThat(c.get("/console/channels?id=fliggy").body())
                .doesNotContain(fresh)
                .contains("data-revoked=\"true\"", "data-revoked=\"false\"");
        // the admin API rotates the same way
        TestServer.Answer api = ts.post("/admin/v1/channels/fliggy/keys/rotate", TestServer.ADMIN, "");
        assertThat(api.status()).isEqualTo(201);
        assertThat(ts.get("/octo/products", fresh).status()).isEqualTo(401);
        assertThat(ts.get("/octo/products", api.json().get("apiKey").asText()).status())
                .isEqualTo(200);
        assertThat(ts.get("/admin/v1/channels/fliggy/keys", TestServer.ADMIN).body())
                .contains("\"label\":\"rotated\"")
                .doesNotContain(fresh);
        Page unknown = c.post("/console/channels/rotate", Map.of("channelId", "nobody"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        Page bad = c.post(
                "/console/channels/create",
                Map.of("id", "x y", "name", "X", "kind", "OTA", "ratePerSecond", "many", "burst", "1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aChannelsRateLimitIsEnforcedOnOctoWithATyped429() {
        String key = ts.channel("slow", 1000, 1000, null);
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        c.get("/console/channels?id=slow");
        Page saved =
                c.post("/console/channels/limits", Map.of("channelId", "slow", "ratePerSecond", "1", "burst", "2"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(c.follow(saved).body()).contains("id=\"done\" data-done=\"limits\"", "1/s · 2");
        assertThat(ts.get("/octo/products", key).status()).isEqualTo(200);
        assertThat(ts.get("/octo/products", key).status()).isEqualTo(200);
        TestServer.Answer refused = ts.get("/octo/products", key);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().get("retry-after")).isEqualTo("1");
        assertThat(refused.json().get("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
        ts.clock.advance(Duration.ofSeconds(1));
        assertThat(ts.get("/octo/products", key).status()).isEqualTo(200);
        assertThat(ts.get("/admin/v1/audit?action=rate", TestServer.ADMIN).body())
                .contains("console: channel rate limit", "rate=1/s burst=2");
        Page zero = c.post("/console/channels/limits", Map.of("channelId", "slow", "ratePerSecond", "0", "burst", "2"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void anAllotmentIsSetButNeverBelowWhatTheChannelSold() {
        String key = ts.channel("agency", 1000, 1000, null);
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        c.get("/console/channels?id=agency");
        Page set =
                c.post("/console/channels/allotment", Map.of("channelId", "agency", "slotId", SLOT, "capacity", "4"));
        assertThat(set.status()).as(set.body()).isEqualTo(303);
        assertThat(c.follow(set).body()).contains("data-slot=\"" + SLOT + "\"", "<td class=\"sp-num capacity\">4</td>");
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                TestServer.reserve(
                                        "A1",
                                        "tour",
                                        "2026-06-02T10:00:00+08:00",
                                        "tour-adult",
                                        "tour-adult",
                                        "tour-adult"))
                        .status())
                .isEqualTo(200);
        Page below =
                c.post("/console/channels/allotment", Map.of("channelId", "agency", "slotId", SLOT, "capacity", "2"));
        assertThat(below.status()).isEqualTo(409);
        assertThat(below.errorCode()).isEqualTo("CONFLICT");
        assertThat(below.body()).contains("below the 3 places");
        assertThat(ts.get("/admin/v1/channels/agency/allotments?from=2026-06-01", TestServer.ADMIN)
                        .body())
                .contains("\"capacity\":4", "\"held\":3");
    }

    @Test
    void aFailedWebhookDeliveryIsShownAndSentAgain() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String key = ts.channel("hooked", 1000, 1000, url);
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                TestServer.reserve("W1", "tour", "2026-06-02T12:00:00+08:00", "tour-adult"))
                        .status())
                .isEqualTo(200);
        assertThat(ts.post("/octo/bookings/W1/confirm", key, "{}").status()).isEqualTo(200);
        answer.set(500);
        try {
            assertThat(ts.server.webhooks().deliverDue()).isZero();
            ts.clock.advance(Duration.ofHours(25)); // retried for 24 h, then given up
            assertThat(ts.server.webhooks().deliverDue()).isZero();
            PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
            Page failed = c.get("/console/channels?id=hooked");
            assertThat(failed.body()).contains("data-status=\"FAILED\"", "HTTP 500", url);
            long id = Long.parseLong(match(failed.body(), "data-delivery=\"([0-9]+)\" data-status=\"FAILED\""));
            assertThat(c.get("/console/channels").body()).contains("<td class=\"sp-num failed\">1</td>");

            answer.set(204);
            Page again = c.post("/console/channels/redeliver", Map.of("channelId", "hooked", "deliveryId", "" + id));
            assertThat(again.status()).as(again.body()).isEqualTo(303);
            assertThat(c.follow(again).body()).contains("data-delivery=\"" + id + "\" data-status=\"PENDING\"");
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1); // the delivery job's own code sends it
            assertThat(c.get("/console/channels?id=hooked").body())
                    .contains("data-delivery=\"" + id + "\" data-status=\"DELIVERED\"");
            Page twice = c.post("/console/channels/redeliver", Map.of("channelId", "hooked", "deliveryId", "" + id));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.errorCode()).isEqualTo("CONFLICT");
            // another channel's delivery is not this one's
            assertThat(ts.post("/admin/v1/channels/agency/deliveries/" + id + "/redeliver", TestServer.ADMIN, "")
                            .status())
                    .isEqualTo(404);
            assertThat(ts.get("/admin/v1/channels/hooked/webhooks", TestServer.ADMIN)
                            .body())
                    .contains("\"DELIVERED\":1", "\"webhookUrl\":\"" + url + "\"")
                    .doesNotContain("secret-hooked");
            assertThat(ts.get("/admin/v1/audit?action=redeliver", TestServer.ADMIN)
                            .body())
                    .contains("console: redeliver webhook", "delivery=" + id);
        } finally {
            ts.clock.set(TestServer.START);
        }
    }

    @Test
    void aRoleWithoutTheRightIsRefusedOnThePageAndTheApiAlike() {
        Operators ops = ts.server.console().operators;
        String viewer = ops.create("chan-viewer", "Viewer", Role.FINANCE, "finance password")
                .id();
        String token = ops.createToken(viewer, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "chan-viewer", "finance password");
        assertThat(c.get("/console/channels").status()).isEqualTo(200);
        Page create = c.post(
                "/console/channels/create",
                Map.of("id", "nope", "name", "Nope", "kind", "OTA", "ratePerSecond", "1", "burst", "1"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(c.post("/console/channels/rotate", Map.of("channelId", "fliggy"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.post("/admin/v1/channels/fliggy/keys/rotate", token, "").status())
                .isEqualTo(403);
        assertThat(c.post("/console/channels/redeliver", Map.of("channelId", "hooked", "deliveryId", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.post("/admin/v1/channels/hooked/deliveries/1/redeliver", token, "")
                        .status())
                .isEqualTo(403);
        // marketing holds CHANNELS_WRITE
        ops.create("chan-marketing", "Marketing", Role.MARKETING, "marketing password");
        PageClient m = ConsoleSignIn.as(ts, "chan-marketing", "marketing password");
        m.get("/console/channels");
        assertThat(m.post(
                                "/console/channels/create",
                                Map.of(
                                        "id",
                                        "ctrip2",
                                        "name",
                                        "Ctrip",
                                        "kind",
                                        "OTA",
                                        "ratePerSecond",
                                        "5",
                                        "burst",
                                        "5"))
                        .status())
                .isEqualTo(201);
        Page zh = new PageClient(ts.server.baseUrl()).get("/console/channels");
        assertThat(zh.status()).isEqualTo(303);
        PageClient chinese = ConsoleSignIn.as(ts, "admin", adminPassword).language("zh-CN,zh;q=0.9");
        Page zhPage = chinese.get("/console/channels?id=fliggy&lang=zh-CN");
        assertThat(zhPage.body()).contains("轮换密钥");
        noMissingText(zhPage);
    }
}
