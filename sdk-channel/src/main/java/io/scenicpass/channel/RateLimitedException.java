package io.scenicpass.channel;

import io.scenicpass.channel.model.OctoError;
import io.scenicpass.channel.model.OctoErrorCode;
import java.time.Duration;

/** HTTP 429: the channel's rate limit was still exceeded after the retries the {@link RetryPolicy} allows. */
public class RateLimitedException extends ChannelException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates an exception.
     *
     * @param message the message
     * @param retryAfter how long the server asked to wait, or null when it did not say
     * @param error the error body, or null
     * @param bookingUuid the booking uuid of the call, or null
     */
    public RateLimitedException(String message, Duration retryAfter, OctoError error, String bookingUuid) {
        super(message, OctoErrorCode.TOO_MANY_REQUESTS, 429, error, bookingUuid, null);
        this.retryAfter = retryAfter;
    }

    /** @return how long the server asked to wait before the next call, or null when it did not say */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
