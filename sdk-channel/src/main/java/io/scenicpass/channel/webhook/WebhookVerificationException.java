package io.scenicpass.channel.webhook;

/** A webhook delivery failed verification; answer it with HTTP 400 (or 401) and do not process it. */
public final class WebhookVerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a delivery was rejected. */
    public enum Reason {
        /** A required header is absent. */
        MISSING_HEADER,
        /** The timestamp or signature header cannot be read. */
        MALFORMED_HEADER,
        /** The timestamp is outside the tolerance window: a replay or a badly wrong clock. */
        TIMESTAMP_OUT_OF_TOLERANCE,
        /** No signature matches any of the configured secrets. */
        SIGNATURE_MISMATCH,
        /** The signature is valid but the body is not a webhook event. */
        MALFORMED_BODY
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message a description (never the secret)
     */
    public WebhookVerificationException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** @return why the delivery was rejected */
    public Reason getReason() {
        return reason;
    }
}
