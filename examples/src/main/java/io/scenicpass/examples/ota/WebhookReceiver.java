package io.scenicpass.examples.ota;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.webhook.WebhookVerificationException;
import io.scenicpass.channel.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A minimal webhook endpoint for an OTA: verifies the ScenicPass signature on the raw body, drops duplicate
 * deliveries by event id (delivery is at least once) and hands each new event to a consumer. Answers 204 when
 * accepted (also for duplicates, so the server stops retrying) and 400 with the reason when verification fails.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer http;
    private final WebhookVerifier verifier;
    private final Consumer<WebhookEvent> consumer;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(HttpServer http, WebhookVerifier verifier, Consumer<WebhookEvent> consumer) {
        this.http = http;
        this.verifier = verifier;
        this.consumer = consumer;
    }

    /**
     * Starts listening on {@code 127.0.0.1:port} at path {@code /webhooks/scenicpass}.
     *
     * @param port the port (0 = any free one)
     * @param verifier the verifier holding the channel's webhook secret
     * @param consumer receives each new event once (in production: persist it, then answer)
     * @return the running receiver
     * @throws IOException when the port cannot be bound
     */
    public static WebhookReceiver start(int port, WebhookVerifier verifier, Consumer<WebhookEvent> consumer)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WebhookReceiver r = new WebhookReceiver(http, verifier, consumer);
        http.createContext("/webhooks/scenicpass", r::handle);
        http.start();
        return r;
    }

    /** @return the URL to register as the channel's webhook URL */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/webhooks/scenicpass";
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                respond(ex, 405, "POST only");
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(ex, 413, "body too large");
                return;
            }
            WebhookEvent event;
            try {
                event = verifier.verify(ex.getRequestHeaders(), body);
            } catch (WebhookVerificationException e) {
                respond(ex, 400, e.getReason().name());
                return;
            }
            if (seen.add(event.getEventId())) {
                consumer.accept(event);
            }
            ex.sendResponseHeaders(204, -1);
        } finally {
            ex.close();
        }
    }

    private static void respond(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
