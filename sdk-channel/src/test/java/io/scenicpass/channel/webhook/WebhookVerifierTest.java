package io.scenicpass.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.channel.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
    private static final String SECRET = "whsec_test_7c1e";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final long TS = NOW.getEpochSecond();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final WebhookVerifier verifier =
            WebhookVerifier.builder().secret(SECRET).clock(clock).build();

    private static byte[] body() {
        return OctoJson.write(new WebhookEvent()
                        .eventId("evt-1")
                        .type(WebhookEventType.BOOKING_CONFIRMED)
                        .utcCreatedAt(NOW)
                        .booking(new Booking().uuid("b-1").status(BookingStatus.CONFIRMED)))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void knownAnswerVector() {
        // HMAC-SHA256(key="whsec_test_7c1e", msg="1700000000.{}") computed independently with openssl.
        assertThat(WebhookSignature.sign(SECRET, 1700000000L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=" + KnownAnswer.HEX);
    }

    @Test
    void acceptsAValidDeliveryAndParsesTheEvent() throws Exception {
        byte[] body = body();
        WebhookEvent e = verifier.verify(Long.toString(TS), WebhookSignature.sign(SECRET, TS, body), body);
        assertThat(e.getEventId()).isEqualTo("evt-1");
        assertThat(e.getType()).isEqualTo(WebhookEventType.BOOKING_CONFIRMED);
        assertThat(e.getBooking().getStatus()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void headerMapLookupIsCaseInsensitive() throws Exception {
        byte[] body = body();
        Map<String, List<String>> headers = Map.of(
                "scenicpass-timestamp",
                List.of(Long.toString(TS)),
                "SCENICPASS-SIGNATURE",
                List.of(WebhookSignature.sign(SECRET, TS, body)));
        assertThat(verifier.verify(headers, body).getEventId()).isEqualTo("evt-1");
    }

    @Test
    void rejectsATamperedBody() {
        byte[] body = body();
        String sig = WebhookSignature.sign(SECRET, TS, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("\"status\":\"CONFIRMED\"", "\"status\":\"CANCELLED\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(body);
        assertThat(reason(Long.toString(TS), sig, tampered)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsAnotherSecretAndAShiftedTimestamp() {
        byte[] body = body();
        assertThat(reason(Long.toString(TS), WebhookSignature.sign("other", TS, body), body))
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(reason(Long.toString(TS + 1), WebhookSignature.sign(SECRET, TS, body), body))
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void rejectsReplaysOutsideTheTolerance() {
        byte[] body = body();
        long old = TS - 301;
        assertThat(reason(Long.toString(old), WebhookSignature.sign(SECRET, old, body), body))
                .isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
        long future = TS + 301;
        assertThat(reason(Long.toString(future), WebhookSignature.sign(SECRET, future, body), body))
                .isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
        long edge = TS - 300;
        assertThat(reason(Long.toString(edge), WebhookSignature.sign(SECRET, edge, body), body))
                .isNull();
    }

    @Test
    void malformedOrMissingHeaders() {
        byte[] body = body();
        String sig = WebhookSignature.sign(SECRET, TS, body);
        assertThat(reason(null, sig, body)).isEqualTo(Reason.MISSING_HEADER);
        assertThat(reason(Long.toString(TS), " ", body)).isEqualTo(Reason.MISSING_HEADER);
        assertThat(reason("yesterday", sig, body)).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(reason(Long.toString(TS), "v1=zz", body)).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(reason(Long.toString(TS), "v0=" + sig.substring(3), body)).isEqualTo(Reason.MALFORMED_HEADER);
        assertThat(reason(Long.toString(TS), "v1=" + "g".repeat(64), body)).isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void rotationAcceptsEitherSecretAndSeveralSignatures() throws Exception {
        WebhookVerifier rotating = WebhookVerifier.builder()
                .secret("old-secret")
                .secret(SECRET)
                .clock(clock)
                .build();
        byte[] body = body();
        String header = WebhookSignature.sign("unknown", TS, body) + ", " + WebhookSignature.sign(SECRET, TS, body);
        assertThat(rotating.verify(Long.toString(TS), header, body).getEventId())
                .isEqualTo("evt-1");
    }

    @Test
    void validSignatureOverANonEventIsMalformedBody() {
        byte[] body = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(reason(Long.toString(TS), WebhookSignature.sign(SECRET, TS, body), body))
                .isEqualTo(Reason.MALFORMED_BODY);
        byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(reason(Long.toString(TS), WebhookSignature.sign(SECRET, TS, junk), junk))
                .isEqualTo(Reason.MALFORMED_BODY);
    }

    @Test
    void builderRejectsMissingSecretOrNegativeTolerance() {
        assertThatThrownBy(() -> WebhookVerifier.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookVerifier.builder().secret("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookVerifier.builder().tolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void anySingleByteFlipIsRejected(@ForAll @IntRange(min = 0, max = 10_000) int position) {
        byte[] body = body();
        String sig = WebhookSignature.sign(SECRET, TS, body);
        byte[] flipped = body.clone();
        flipped[position % flipped.length] ^= 0x01;
        assertThat(reason(Long.toString(TS), sig, flipped)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    private Reason reason(String ts, String sig, byte[] body) {
        WebhookVerificationException e =
                catchThrowableOfType(WebhookVerificationException.class, () -> verifier.verify(ts, sig, body));
        return e == null ? null : e.getReason();
    }

    private static final class KnownAnswer {
        static final String HEX = "d15e9d0db6dbffdb2fb4046d53c0ba4252150f54ba6ec8e5f0355911e318ae9a";
    }
}
