package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.channel.webhook.WebhookSignature;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 ({@code octo/webhooks}): Meituan's integration subscribes its own endpoint through OCTO, books and confirms
 * a park entry and hears about it — signed with the secret it was given — then moves the booking and hears that too.
 * Ctrip sees none of Meituan's webhooks and cannot delete them. After Meituan unsubscribes, its cancellation is not
 * sent any more.
 */
class OtaSubscribesToBookingUpdatesTest {
    static final Map<String, String> WEBHOOKS = Map.of("Octo-Capabilities", "octo/webhooks, octo/pricing");

    @TempDir
    Path dir;

    @Test
    void aResellerSubscribesHearsItsBookingChangesAndUnsubscribes() throws Exception {
        List<JsonNode> heard = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/meituan/octo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            long ts = Long.parseLong(ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER));
            boolean signed = WebhookSignature.sign(secret[0], ts, body)
                    .equals(ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER));
            if (signed) {
                heard.add(TestServer.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            ex.sendResponseHeaders(signed ? 204 : 401, -1);
            ex.close();
        });
        endpoint.start();
        // the endpoint listens on this machine: the operator allows private targets for this park
        try (Park park = Park.open(dir, Map.of("webhooks.allowPrivateTargets", "true"))) {
            String meituan = park.demo.channelKeys().get("meituan");
            String ctrip = park.demo.channelKeys().get("ctrip");
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/meituan/octo";
            JsonNode hook = ok(park.server.send(
                    "POST",
                    "/octo/webhooks",
                    meituan,
                    "{\"event\":\"booking_update\",\"url\":\"" + url + "\"}",
                    WEBHOOKS));
            secret[0] = hook.get("secret").asText();
            assertThat(ok(park.server.get("/octo/webhooks", ctrip))).isEmpty();
            assertThat(park.server
                            .send("DELETE", "/octo/webhooks/" + hook.get("id").asText(), ctrip, null, Map.of())
                            .status())
                    .isEqualTo(404);

            JsonNode product = ok(park.server.get("/octo/products/park-entry", meituan));
            String option = product.get("options").get(0).get("id").asText();
            String adult =
                    product.get("options").get(0).get("units").get(0).get("id").asText();
            JsonNode days = ok(park.server.post(
                    "/octo/availability",
                    meituan,
                    "{\"productId\":\"park-entry\",\"optionId\":\"" + option
                            + "\",\"localDateStart\":\"2026-06-02\",\"localDateEnd\":\"2026-06-03\"}"));
            String first = days.get(0).get("id").asText();
            String later = days.get(days.size() - 1).get("id").asText();
            ok(park.server.post(
                    "/octo/bookings",
                    meituan,
                    "{\"uuid\":\"mt-hook-1\",\"productId\":\"park-entry\",\"optionId\":\"" + option
                            + "\",\"availabilityId\":\"" + first + "\",\"unitItems\":[{\"unitId\":\"" + adult
                            + "\"}]}"));
            ok(park.server.post("/octo/bookings/mt-hook-1/confirm", meituan, "{\"resellerReference\":\"MT-9\"}"));
            assertThat(park.server.server.webhooks().deliverDue()).isEqualTo(1); // the job's run, now
            assertThat(heard).hasSize(1);
            JsonNode confirmed = heard.get(0);
            assertThat(confirmed.get("webhook").get("event").asText()).isEqualTo("booking_update");
            assertThat(confirmed.get("booking").get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(confirmed.get("booking").get("resellerReference").asText())
                    .isEqualTo("MT-9");
            assertThat(confirmed.get("booking").get("pricing").get("currency").asText())
                    .isEqualTo("CNY");

            ok(park.server.send(
                    "PATCH", "/octo/bookings/mt-hook-1", meituan, "{\"availabilityId\":\"" + later + "\"}", Map.of()));
            assertThat(park.server.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(heard).hasSize(2);
            assertThat(heard.get(1).get("booking").get("availabilityId").asText())
                    .isEqualTo(later);

            ok(park.server.send("DELETE", "/octo/webhooks/" + hook.get("id").asText(), meituan, null, Map.of()));
            ok(park.server.post("/octo/bookings/mt-hook-1/cancel", meituan, "{}"));
            Park.eventually(
                    "the outbox is empty", () -> park.server.server.webhooks().pending() == 0);
            assertThat(heard).hasSize(2);
        } finally {
            endpoint.stop(0);
        }
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
