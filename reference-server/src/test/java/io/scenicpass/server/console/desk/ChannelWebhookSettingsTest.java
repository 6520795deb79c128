package io.scenicpass.server.console.desk;

import static io.scenicpass.server.console.desk.DeskPages.match;
import static io.scenicpass.server.console.desk.DeskPages.noMissingText;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel's webhook settings on the console's channels page (a server with the default, public-only webhook
 * targets): the URL is https only and to a public address, validated as on the admin API (typed 400 shown on the
 * page); a channel without a signing secret gets one with its first URL, and rotating it shows the new one once
 * ({@code no-store}), never again nor in the audit log; CSRF and rights as the API's (CHANNELS_WRITE); zh-CN and en.
 */
class ChannelWebhookSettingsTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String adminPassword;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.channel("ota", 100, 100, null);
        adminPassword = ConsoleSignIn.adminPassword(ts);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void theWebhookUrlIsHttpsOnlyAndItsSecretIsShownOnceWhenMadeOrRotated() {
        PageClient c = ConsoleSignIn.as(ts, "admin", adminPassword);
        noMissingText(c.get("/console/channels?id=ota"));
        Page plain = c.post(
                "/console/channels/webhook", Map.of("channelId", "ota", "webhookUrl", "http://203.0.113.5/hook"));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(plain.body()).contains("https://");
        Page lan =
                c.post("/console/channels/webhook", Map.of("channelId", "ota", "webhookUrl", "https://127.0.0.1/hook"));
        assertThat(lan.status()).as("validated like the API: no private target").isEqualTo(400);
        assertThat(lan.body()).contains("public address");
        assertThat(ts.server.channels().find("ota").orElseThrow().webhookUrl()).isNull();

        Page set = c.post(
                "/console/channels/webhook", Map.of("channelId", "ota", "webhookUrl", "https://203.0.113.5/hook"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.headers().get("cache-control")).isEqualTo("no-store");
        String first = match(set.body(), "<code id=\"new-secret\">(whsec_[A-Za-z0-9_-]+)</code>");
        Channel ch = ts.server.channels().find("ota").orElseThrow();
        assertThat(ch.webhookUrl()).isEqualTo("https://203.0.113.5/hook");
        assertThat(ch.webhookSecret())
                .as("the events are signed with the secret shown")
                .isEqualTo(first);

        Page moved = c.post(
                "/console/channels/webhook", Map.of("channelId", "ota", "webhookUrl", "https://203.0.113.6/hook"));
        assertThat(moved.status()).as("a channel with a secret keeps it").isEqualTo(303);
        assertThat(ts.server.channels().find("ota").orElseThrow().webhookSecret())
                .isEqualTo(first);

        Page rotated = c.post("/console/channels/webhook-secret", Map.of("channelId", "ota"));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.headers().get("cache-control")).isEqualTo("no-store");
        String second = match(rotated.body(), "<code id=\"new-secret\">(whsec_[A-Za-z0-9_-]+)</code>");
        assertThat(second).isNotEqualTo(first);
        assertThat(ts.server.channels().find("ota").orElseThrow().webhookSecret())
                .isEqualTo(second);
        Page again = c.get("/console/channels?id=ota");
        assertThat(again.body()).contains("https://203.0.113.6/hook").doesNotContain(first, second);
        String audit =
                ts.get("/admin/v1/audit?action=webhook", TestServer.ADMIN).body();
        assertThat(audit)
                .contains("console: channel webhook URL", "host=203.0.113.6", "console: rotate webhook secret")
                .doesNotContain(first, second);

        Page forged = c.post("/console/channels/webhook-secret", Map.of("channelId", "ota", "_csrf", "not-the-token"));
        assertThat(forged.status()).as("CSRF").isEqualTo(403);
        assertThat(ts.server.channels().find("ota").orElseThrow().webhookSecret())
                .isEqualTo(second);

        Page removed = c.post("/console/channels/webhook", Map.of("channelId", "ota", "webhookUrl", ""));
        assertThat(removed.status()).isEqualTo(303);
        assertThat(ts.server.channels().find("ota").orElseThrow().webhookUrl()).isNull();
    }

    @Test
    void onlyARoleThatMayChangeChannelsOnTheApiMayChangeTheWebhook() {
        Operators ops = ts.server.console().operators;
        ops.create("hook-finance", "Finance", Role.FINANCE, "finance password");
        PageClient finance = ConsoleSignIn.as(ts, "hook-finance", "finance password");
        finance.get("/console/channels?id=ota");
        Page url = finance.post(
                "/console/channels/webhook", Map.of("channelId", "ota", "webhookUrl", "https://203.0.113.7/x"));
        assertThat(url.status()).isEqualTo(403);
        assertThat(url.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(finance.post("/console/channels/webhook-secret", Map.of("channelId", "ota"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.server.channels().find("ota").orElseThrow().webhookUrl()).isNotEqualTo("https://203.0.113.7/x");

        ops.create("hook-marketing", "Marketing", Role.MARKETING, "marketing password");
        PageClient marketing =
                ConsoleSignIn.as(ts, "hook-marketing", "marketing password").language("zh-CN,zh;q=0.9");
        Page zh = marketing.get("/console/channels?id=ota&lang=zh-CN");
        assertThat(zh.body()).contains("轮换签名密钥", "推送地址");
        noMissingText(zh);
        Page rotated = marketing.post("/console/channels/webhook-secret", Map.of("channelId", "ota"));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body()).contains("推送签名密钥");
        Page unknown = marketing.post("/console/channels/webhook-secret", Map.of("channelId", "nope"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
    }
}
