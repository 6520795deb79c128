package io.scenicpass.terminal.internal.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure the delay is
 * {@code min(max, base * 2^(n-1))} scaled by a random factor in [0.5, 1.0) ("equal jitter"), so many gates
 * that lost the network together do not all reconnect in the same second. Not thread-safe; owned by the
 * sync thread.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    /**
     * @param base delay after the first failure (before jitter)
     * @param max cap on the delay (before jitter)
     * @param random uniform values in [0, 1); inject a fixed sequence in tests
     */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
    }

    /**
     * Records a failure.
     *
     * @return how long to wait before the next attempt
     */
    public Duration failed() {
        failures++;
        Duration d = base;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (d.compareTo(max) > 0) {
            d = max;
        }
        double r = random.getAsDouble();
        double factor = 0.5 + 0.5 * Math.min(Math.max(r, 0.0), 1.0);
        return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
    }

    /** Records a success: the next failure starts from the base delay again. */
    public void succeeded() {
        failures = 0;
    }

    /** @return consecutive failures so far */
    public int failures() {
        return failures;
    }
}
