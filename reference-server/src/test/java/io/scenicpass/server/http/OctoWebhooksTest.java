package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.channel.webhook.WebhookSignature;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code octo/webhooks} over real HTTP: subscribe, signed delivery to a real receiver, unsubscribe, isolation. */
class OctoWebhooksTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final Map<String, String> WEBHOOKS = Map.of("Octo-Capabilities", "octo/webhooks");

    @TempDir
    Path dir;

    HttpServer receiver;
    /** What arrived: the signature checked against the subscription's secret, then the body. */
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    volatile String secret;
    final MutableClock clock = new MutableClock(TestServer.START);

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/octo-hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            long ts = Long.parseLong(ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER));
            String sig = ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
            if (sig.equals(WebhookSignature.sign(secret, ts, body))) {
                received.add(TestServer.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
            } else {
                badSignatures.add(sig);
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/octo-hook";
    }

    private TestServer server(boolean allowPrivate) {
        TestServer ts = new TestServer(
                dir, null, clock, allowPrivate ? Map.of("webhooks.allowPrivateTargets", "true") : Map.of());
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
        return ts;
    }

    private static Answer subscribe(TestServer ts, String key, String body) {
        return ts.send("POST", "/octo/webhooks", key, body, WEBHOOKS);
    }

    @Test
    void aBookingChangeIsDeliveredSignedUntilUnsubscribed() {
        try (TestServer ts = server(true)) {
            String key = ts.channel("ota", 1000, 1000, null); // no operator-configured webhook
            Answer created = subscribe(ts, key, "{\"event\":\"booking_update\",\"url\":\"" + hookUrl() + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            JsonNode hook = created.json();
            assertThat(hook.get("event").asText()).isEqualTo("booking_update");
            assertThat(hook.get("url").asText()).isEqualTo(hookUrl());
            assertThat(hook.get("retryOnError").asBoolean()).isTrue();
            assertThat(hook.get("useContactLanguage").asBoolean()).isFalse();
            assertThat(hook.get("capabilities")).hasSize(1);
            secret = hook.get("secret").asText();
            String id = hook.get("id").asText();

            Answer listed = ts.get("/octo/webhooks", key);
            assertThat(listed.json()).hasSize(1);
            assertThat(listed.json().get(0).get("id").asText()).isEqualTo(id);
            assertThat(listed.json().get(0).has("secret")).isFalse(); // the secret is shown once

            ts.post("/octo/bookings", key, TestServer.reserve("owh-1", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/owh-1/confirm", key, null);
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(badSignatures).isEmpty();
            assertThat(received).hasSize(1);
            JsonNode payload = received.get(0);
            assertThat(payload.get("webhook").get("id").asText()).isEqualTo(id);
            assertThat(payload.get("webhook").has("secret")).isFalse();
            assertThat(payload.get("booking").get("uuid").asText()).isEqualTo("owh-1");
            assertThat(payload.get("booking").get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(payload.get("booking").get("pricing")).isNull(); // subscribed without octo/pricing

            ts.post("/octo/bookings/owh-1/cancel", key, "{}");
            Answer deleted = ts.send("DELETE", "/octo/webhooks/" + id, key, null, Map.of());
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(ts.get("/octo/webhooks", key).json()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            ts.server.webhooks().deliverDue(); // the cancel queued before the delete is dropped, not delivered
            ts.post("/octo/bookings", key, TestServer.reserve("owh-2", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/owh-2/confirm", key, null);
            assertThat(ts.server.webhooks().deliverDue()).isZero();
            assertThat(ts.server.webhooks().pending()).isZero();
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void pricingIsInThePayloadWhenSubscribedWithIt() {
        try (TestServer ts = server(true)) {
            String key = ts.channel("ota", 1000, 1000, null);
            Answer created = ts.send(
                    "POST",
                    "/octo/webhooks",
                    key,
                    "{\"event\":\"booking_update\",\"url\":\"" + hookUrl() + "\",\"retryOnError\":false}",
                    Map.of("Octo-Capabilities", "octo/webhooks, octo/pricing, octo/nope"));
            secret = created.json().get("secret").asText();
            assertThat(created.json().get("capabilities").toString()).isEqualTo("[\"octo/webhooks\",\"octo/pricing\"]");
            assertThat(created.json().get("retryOnError").asBoolean()).isFalse();
            ts.post("/octo/bookings", key, TestServer.reserve("owh-3", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/owh-3/confirm", key, null);
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(received.get(0)
                            .get("booking")
                            .get("pricing")
                            .get("retail")
                            .asInt())
                    .isEqualTo(10000);
        }
    }

    @Test
    void aChannelSeesAndDeletesOnlyItsOwnWebhooks() {
        try (TestServer ts = server(true)) {
            String first = ts.channel("first", 1000, 1000, null);
            String second = ts.channel("second", 1000, 1000, null);
            String id = subscribe(ts, first, "{\"event\":\"booking_update\",\"url\":\"" + hookUrl() + "\"}")
                    .json()
                    .get("id")
                    .asText();
            assertThat(ts.get("/octo/webhooks", second).json()).isEmpty();
            Answer stolen = ts.send("DELETE", "/octo/webhooks/" + id, second, null, Map.of());
            assertThat(stolen.status()).isEqualTo(404);
            assertThat(stolen.json().get("error").asText()).isEqualTo("NOT_FOUND");
            assertThat(ts.get("/octo/webhooks", first).json()).hasSize(1);

            // the second channel's bookings are not delivered to the first channel's endpoint
            secret = "unused";
            ts.post("/octo/bookings", second, TestServer.reserve("owh-4", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/owh-4/confirm", second, null);
            assertThat(ts.server.webhooks().deliverDue()).isZero();
            assertThat(received).isEmpty();
            assertThat(badSignatures).isEmpty();
        }
    }

    @Test
    void internalAddressesAndBadInputAreRefusedWithTypedErrors() {
        try (TestServer ts = server(false)) { // the default: public targets only
            String key = ts.channel("ota", 1000, 1000, null);
            for (String url : List.of(
                    hookUrl(), "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/x", "http://[::1]/x")) {
                Answer a = subscribe(ts, key, "{\"event\":\"booking_update\",\"url\":\"" + url + "\"}");
                assertThat(a.status()).as(url).isEqualTo(400);
                assertThat(a.json().get("error").asText()).isEqualTo("BAD_REQUEST");
                assertThat(a.json().get("errorMessage").asText()).contains("public address");
            }
            for (String body : List.of(
                    "{\"url\":\"https://example.com/h\"}",
                    "{\"event\":\"product_update\",\"url\":\"https://example.com/h\"}",
                    "{\"event\":\"booking_update\"}",
                    "{\"event\":\"booking_update\",\"url\":\"ftp://example.com/h\"}",
                    "{\"event\":\"booking_update\",\"url\":\"not a url\"}",
                    "{\"event\":\"booking_update\",\"url\":5,\"retryOnError\":\"x\"}",
                    "{bad",
                    "[]")) {
                Answer a = subscribe(ts, key, body);
                assertThat(a.status()).as(body).isEqualTo(400);
                assertThat(a.json().get("error").asText()).as(body).isEqualTo("BAD_REQUEST");
                assertThat(a.json().get("errorMessage").asText()).as(body).isNotBlank();
            }
            Answer unknown = ts.send("DELETE", "/octo/webhooks/nope", key, null, Map.of());
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(ts.get("/octo/webhooks", null).status()).isEqualTo(401);
            assertThat(ts.get("/octo/webhooks", key).json()).isEmpty();
        }
    }
}
