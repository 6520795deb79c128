package io.scenicpass.terminal.lane;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs the lane's timers (passage timeout, telemetry polls). Tests inject one they drive by hand. */
public interface LaneScheduler {
    /** A scheduled task that can be cancelled. */
    interface Task {
        /** Cancels the task if it has not run; idempotent. */
        void cancel();
    }

    /** Runs {@code task} once after {@code delay}. */
    Task schedule(Duration delay, Runnable task);

    /** A scheduler over a {@link ScheduledExecutorService} (the caller owns and shuts down the executor). */
    static LaneScheduler of(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
