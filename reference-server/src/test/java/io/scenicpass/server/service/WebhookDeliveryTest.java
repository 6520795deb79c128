package io.scenicpass.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.channel.webhook.WebhookSignature;
import io.scenicpass.channel.webhook.WebhookVerifier;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks over real HTTP to a real receiver: signed, retried with backoff, persisted across restarts. */
class WebhookDeliveryTest {
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    @TempDir
    Path dir;

    HttpServer receiver;
    final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
    final List<String> eventIdHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    MutableClock clock = new MutableClock(TestServer.START);

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret("secret-hooked").clock(clock).build();
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            try {
                WebhookEvent ev = verifier.verify(
                        ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                        ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                        body);
                received.add(ev);
                eventIdHeaders.add(ex.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER));
                ex.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                ex.sendResponseHeaders(401, -1);
            }
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private TestServer server() {
        return new TestServer(
                dir, null, clock, Map.of("webhooks.allowPrivateTargets", "true")); // receiver on 127.0.0.1
    }

    @Test
    void confirmAndCancelAreDeliveredSignedWithRetriesAndSurviveARestart() {
        String key;
        try (TestServer ts = server()) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
            key = ts.channel("hooked", 1000, 1000, hookUrl());
            ts.post("/octo/bookings", key, TestServer.reserve("wh-1", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/wh-1/confirm", key, null);
            ts.post("/octo/bookings/wh-1/confirm", key, null); // a retried confirm makes no second event
            failNext.set(1);
            assertThat(ts.server.webhooks().deliverDue()).isZero(); // receiver answers 503
            assertThat(ts.server.webhooks().pending()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(ts.server.webhooks().deliverDue()).isZero(); // backoff: not due yet (10 s)
            clock.advance(Duration.ofSeconds(6));
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getType()).isEqualTo(WebhookEventType.BOOKING_CONFIRMED);
            assertThat(received.get(0).getBooking().getUuid()).isEqualTo("wh-1");
            assertThat(eventIdHeaders.get(0)).isEqualTo(received.get(0).getEventId());

            ts.post("/octo/bookings/wh-1/cancel", key, "{}");
            receiver.stop(0); // the channel is down while we restart
        }
        try (TestServer ts = server()) {
            assertThat(ts.server.webhooks().pending()).isEqualTo(1); // the outbox survived the restart
            assertThat(ts.server.webhooks().deliverDue()).isZero(); // receiver down: connection refused
        }
        try {
            startReceiver();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (TestServer ts = server()) {
            ts.server
                    .channels()
                    .update(new io.scenicpass.server.channels.store.Channel(
                            "hooked", "hooked", "OTA", hookUrl(), "secret-hooked", 1000, 1000, true));
            clock.advance(Duration.ofSeconds(11));
            assertThat(ts.server.webhooks().deliverDue()).isEqualTo(1);
            assertThat(received)
                    .extracting(WebhookEvent::getType)
                    .containsExactly(WebhookEventType.BOOKING_CONFIRMED, WebhookEventType.BOOKING_CANCELLED);
            assertThat(ts.server.webhooks().pending()).isZero();
        }
    }

    @Test
    void givesUpAfter24Hours() {
        try (TestServer ts = server()) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, null);
            String key = ts.channel("hooked", 1000, 1000, hookUrl());
            ts.post("/octo/bookings", key, TestServer.reserve("wh-2", "tour", SLOT, "tour-adult"));
            ts.post("/octo/bookings/wh-2/confirm", key, null);
            failNext.set(Integer.MAX_VALUE);
            int attempts = 0;
            while (ts.server.webhooks().pending() > 0 && attempts < 100) {
                ts.server.webhooks().deliverDue();
                clock.advance(Duration.ofHours(1));
                attempts++;
            }
            assertThat(ts.server.webhooks().pending()).isZero();
            assertThat(attempts).isBetween(24, 30);
            assertThat(received).isEmpty();
        }
    }

    @Test
    void backoffDoublesFromTenSecondsUpToOneHour() {
        assertThat(WebhookService.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookService.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(WebhookService.backoff(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(WebhookService.backoff(10)).isEqualTo(Duration.ofHours(1));
        assertThat(WebhookService.backoff(60)).isEqualTo(Duration.ofHours(1));
    }
}
