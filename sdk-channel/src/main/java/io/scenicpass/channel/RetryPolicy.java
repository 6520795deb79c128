package io.scenicpass.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how long a {@link ChannelClient} waits before repeating a call.
 *
 * <p>Retried: network errors and timeouts, HTTP 5xx (exponential backoff with jitter), and HTTP 429 (after the
 * server's {@code Retry-After}, if it is no longer than {@link #getMaxRetryAfter()}). Never retried: other 4xx
 * answers and unreadable bodies. Every call of the client is safe to repeat: booking calls carry the booking
 * uuid, which the server uses as the idempotency key, so a retry can never book twice.
 *
 * <p>Immutable; derive variants with the {@code with…} methods.
 */
public final class RetryPolicy {
    /** Waits between attempts; replaceable in tests so that they never sleep. */
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long
         * @throws InterruptedException when the thread is interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final RetryPolicy DEFAULTS =
            new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.5, Duration.ofSeconds(30));

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxRetryAfter;

    private RetryPolicy(
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            double multiplier,
            double jitter,
            Duration maxRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be >= 1");
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("jitter must be within [0, 1]");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = requireNonNegative(initialBackoff, "initialBackoff");
        this.maxBackoff = requireNonNegative(maxBackoff, "maxBackoff");
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.maxRetryAfter = requireNonNegative(maxRetryAfter, "maxRetryAfter");
    }

    private static Duration requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    /** @return 4 attempts, 200 ms doubling up to 5 s, ±50 % jitter, honour Retry-After up to 30 s */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** @return a policy that never retries */
    public static RetryPolicy none() {
        return DEFAULTS.withMaxAttempts(1);
    }

    /**
     * @param value total attempts including the first (1 = no retry)
     * @return a copy with this setting
     */
    public RetryPolicy withMaxAttempts(int value) {
        return new RetryPolicy(value, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    /**
     * @param initial the backoff before the first retry
     * @param max the largest backoff
     * @return a copy with these settings
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter, maxRetryAfter);
    }

    /**
     * @param value factor applied to the backoff after each retry (>= 1)
     * @return a copy with this setting
     */
    public RetryPolicy withMultiplier(double value) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, value, jitter, maxRetryAfter);
    }

    /**
     * @param value the fraction of the backoff that is randomised, in [0, 1]: the wait is drawn uniformly from
     *     {@code [b * (1 - value), b]}
     * @return a copy with this setting
     */
    public RetryPolicy withJitter(double value) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, value, maxRetryAfter);
    }

    /**
     * @param value the longest {@code Retry-After} the client waits for; a longer one surfaces at once as
     *     {@link RateLimitedException}
     * @return a copy with this setting
     */
    public RetryPolicy withMaxRetryAfter(Duration value) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, value);
    }

    /** @return total attempts including the first */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** @return the backoff before the first retry */
    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    /** @return the largest backoff */
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    /** @return the backoff multiplier */
    public double getMultiplier() {
        return multiplier;
    }

    /** @return the jitter fraction */
    public double getJitter() {
        return jitter;
    }

    /** @return the longest Retry-After honoured */
    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The backoff before retry number {@code retry} (1 = the first retry), before jitter.
     *
     * @param retry the retry number, from 1
     * @return the un-jittered backoff, capped at {@link #getMaxBackoff()}
     */
    public Duration backoff(int retry) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        long capped = (long) Math.min(millis, (double) maxBackoff.toMillis());
        return Duration.ofMillis(capped);
    }

    /**
     * The jittered backoff before retry number {@code retry}.
     *
     * @param retry the retry number, from 1
     * @param random a uniform random number in [0, 1)
     * @return the wait
     */
    public Duration jitteredBackoff(int retry, double random) {
        long b = backoff(retry).toMillis();
        long min = (long) (b * (1.0 - jitter));
        return Duration.ofMillis(min + (long) ((b - min) * random));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
                + "}";
    }
}
