package io.scenicpass.channel.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.webhook.WebhookVerificationException.Reason;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies ScenicPass webhook deliveries (see {@link WebhookSignature}) and parses their {@link WebhookEvent}.
 * Rejects deliveries whose timestamp is further than the tolerance from now (replays), compares signatures in
 * constant time and accepts several secrets while one is being rotated. Thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secret(System.getenv("SCENICPASS_WEBHOOK_SECRET")).build();
 * WebhookEvent event = verifier.verify(request.header("ScenicPass-Timestamp"),
 *         request.header("ScenicPass-Signature"), rawBodyBytes);
 * if (alreadyProcessed(event.getEventId())) { return 200; }   // deliveries are at least once
 * }</pre>
 */
public final class WebhookVerifier {
    private final List<String> secrets;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(Builder b) {
        this.secrets = Collections.unmodifiableList(new ArrayList<>(b.secrets));
        this.tolerance = b.tolerance;
        this.clock = b.clock;
    }

    /** @return a builder; at least one secret is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a delivery given its headers (names matched case-insensitively).
     *
     * @param headers the request headers
     * @param body the exact body bytes
     * @return the event
     * @throws WebhookVerificationException when the delivery must be rejected
     */
    public WebhookEvent verify(Map<String, ? extends List<String>> headers, byte[] body)
            throws WebhookVerificationException {
        return verify(
                header(headers, WebhookSignature.TIMESTAMP_HEADER),
                header(headers, WebhookSignature.SIGNATURE_HEADER),
                body);
    }

    /**
     * Verifies a delivery.
     *
     * @param timestampHeader the {@value WebhookSignature#TIMESTAMP_HEADER} value
     * @param signatureHeader the {@value WebhookSignature#SIGNATURE_HEADER} value
     * @param body the exact body bytes
     * @return the event
     * @throws WebhookVerificationException when the delivery must be rejected
     */
    public WebhookEvent verify(String timestampHeader, String signatureHeader, byte[] body)
            throws WebhookVerificationException {
        verifySignature(timestampHeader, signatureHeader, body);
        try {
            WebhookEvent event = OctoJson.mapper().readValue(body, WebhookEvent.class);
            if (event == null || event.getEventId() == null || event.getType() == null) {
                throw new WebhookVerificationException(Reason.MALFORMED_BODY, "eventId and type are required");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "body is not a webhook event");
        } catch (java.io.IOException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "body cannot be read");
        }
    }

    /**
     * Checks timestamp and signature only, without parsing the body.
     *
     * @param timestampHeader the timestamp header value
     * @param signatureHeader the signature header value
     * @param body the exact body bytes
     * @throws WebhookVerificationException when the delivery must be rejected
     */
    public void verifySignature(String timestampHeader, String signatureHeader, byte[] body)
            throws WebhookVerificationException {
        if (timestampHeader == null || timestampHeader.trim().isEmpty()) {
            throw new WebhookVerificationException(
                    Reason.MISSING_HEADER, WebhookSignature.TIMESTAMP_HEADER + " is missing");
        }
        if (signatureHeader == null || signatureHeader.trim().isEmpty()) {
            throw new WebhookVerificationException(
                    Reason.MISSING_HEADER, WebhookSignature.SIGNATURE_HEADER + " is missing");
        }
        Objects.requireNonNull(body, "body");
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "timestamp is not Unix seconds");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - ts);
        if (skew > tolerance.getSeconds()) {
            throw new WebhookVerificationException(
                    Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                    "timestamp is " + skew + " s away from now (tolerance " + tolerance.getSeconds() + " s)");
        }
        List<byte[]> given = parseSignatures(signatureHeader);
        boolean match = false;
        for (String secret : secrets) {
            byte[] expected = WebhookSignature.hmac(secret, ts, body);
            for (byte[] g : given) {
                // Evaluate every pair so timing does not depend on which one matches.
                match |= MessageDigest.isEqual(expected, g);
            }
        }
        if (!match) {
            throw new WebhookVerificationException(Reason.SIGNATURE_MISMATCH, "no signature matches");
        }
    }

    private static List<byte[]> parseSignatures(String header) throws WebhookVerificationException {
        List<byte[]> out = new ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.trim();
            String prefix = WebhookSignature.SCHEME + "=";
            if (!p.startsWith(prefix)) {
                continue;
            }
            String hex = p.substring(prefix.length());
            if (hex.length() != 64) {
                throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "signature must be 64 hex digits");
            }
            byte[] b = new byte[32];
            for (int i = 0; i < 32; i++) {
                int hi = Character.digit(hex.charAt(2 * i), 16);
                int lo = Character.digit(hex.charAt(2 * i + 1), 16);
                if (hi < 0 || lo < 0) {
                    throw new WebhookVerificationException(Reason.MALFORMED_HEADER, "signature is not hex");
                }
                b[i] = (byte) ((hi << 4) | lo);
            }
            out.add(b);
        }
        if (out.isEmpty()) {
            throw new WebhookVerificationException(
                    Reason.MALFORMED_HEADER, "no " + WebhookSignature.SCHEME + " signature");
        }
        return out;
    }

    private static String header(Map<String, ? extends List<String>> headers, String name) {
        for (Map.Entry<String, ? extends List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                return String.join(",", e.getValue());
            }
        }
        return null;
    }

    /** Builds a {@link WebhookVerifier}. */
    public static final class Builder {
        private final List<String> secrets = new ArrayList<>();
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * @param value a webhook secret; call again to accept an additional one during rotation
         * @return this
         */
        public Builder secret(String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("webhook secret must not be empty");
            }
            secrets.add(value);
            return this;
        }

        /**
         * @param value the largest accepted distance between the delivery's timestamp and now (default 5 minutes)
         * @return this
         */
        public Builder tolerance(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("tolerance must not be negative");
            }
            this.tolerance = value;
            return this;
        }

        /**
         * @param value the clock to compare timestamps against
         * @return this
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** @return the verifier */
        public WebhookVerifier build() {
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException("at least one webhook secret is required");
            }
            return new WebhookVerifier(this);
        }
    }
}
