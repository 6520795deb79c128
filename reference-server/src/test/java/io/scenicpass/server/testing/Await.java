package io.scenicpass.server.testing;

import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline (the poll interval is not synchronisation: the condition is). */
public final class Await {
    private Await() {}

    /** Waits up to 10 s for {@code condition}. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, condition, 10_000);
    }

    /** Waits up to {@code timeoutMillis} for {@code condition}; fails with {@code what} when it is not met. */
    public static void until(String what, BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (lock) {
                lock.wait(20);
            }
        }
    }
}
