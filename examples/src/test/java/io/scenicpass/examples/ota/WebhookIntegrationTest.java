package io.scenicpass.examples.ota;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingCancellationRequest;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.channel.webhook.WebhookSignature;
import io.scenicpass.channel.webhook.WebhookVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Signed webhooks from the real server reach a channel's endpoint and verify with {@link WebhookVerifier}. */
@Tag("slow")
class WebhookIntegrationTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static DemoServer server;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = DemoServer.shared();
    }

    @Test
    void confirmedAndCancelledBookingsArriveSignedExactlyOncePerEvent() throws Exception {
        String secret = "whsec-it-" + UUID.randomUUID();
        BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
        WebhookVerifier verifier = WebhookVerifier.builder().secret(secret).build();
        try (WebhookReceiver receiver = WebhookReceiver.start(0, verifier, events::add)) {
            String channelId = "it-ota-" + UUID.randomUUID().toString().substring(0, 8);
            String apiKey = server.createChannel(java.util.Map.of(
                    "id", channelId, "name", "Integration OTA", "webhookUrl", receiver.url(), "webhookSecret", secret));
            try (ChannelClient client = ChannelClient.builder()
                    .baseUrl(server.octoUrl())
                    .apiKey(apiKey)
                    .build()) {
                // the flow books "tomorrow" by its clock: a day ahead, so the slot is past the 24 h cancellation cutoff
                OtaBookingFlow.Result r = new OtaBookingFlow(
                                client,
                                Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1)),
                                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                        .run(null, 1, "IT-WH");
                String uuid = r.booking.getUuid();
                WebhookEvent confirmed = next(events, uuid);
                assertThat(confirmed.getType()).isEqualTo(WebhookEventType.BOOKING_CONFIRMED);
                assertThat(confirmed.getBooking().getStatus()).isEqualTo(BookingStatus.CONFIRMED);
                assertThat(confirmed.getUtcCreatedAt()).isNotNull();

                Booking cancelled = client.cancel(uuid, new BookingCancellationRequest().reason("webhook test"));
                assertThat(cancelled.getStatus()).isEqualTo(BookingStatus.CANCELLED);
                WebhookEvent cancel = next(events, uuid);
                assertThat(cancel.getType()).isEqualTo(WebhookEventType.BOOKING_CANCELLED);
                assertThat(cancel.getEventId()).isNotEqualTo(confirmed.getEventId());
            }
            // A forged delivery (wrong secret) is refused by the receiver.
            byte[] forged = OctoJson.write(
                            new WebhookEvent().eventId("forged").type(WebhookEventType.BOOKING_CANCELLED))
                    .getBytes(StandardCharsets.UTF_8);
            long ts = System.currentTimeMillis() / 1000;
            try (Response resp = http.newCall(new Request.Builder()
                            .url(receiver.url())
                            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign("wrong", ts, forged))
                            .post(RequestBody.create(forged, JSON))
                            .build())
                    .execute()) {
                assertThat(resp.code()).isEqualTo(400);
                assertThat(resp.body().string()).isEqualTo("SIGNATURE_MISMATCH");
            }
            assertThat(events).noneMatch(e -> "forged".equals(e.getEventId()));
        }
    }

    private static WebhookEvent next(BlockingQueue<WebhookEvent> events, String uuid) throws InterruptedException {
        WebhookEvent e = events.poll(30, TimeUnit.SECONDS);
        assertThat(e)
                .as("webhook within 30 s; server log:\n" + server.logTail())
                .isNotNull();
        assertThat(e.getBooking().getUuid()).isEqualTo(uuid);
        return e;
    }
}
