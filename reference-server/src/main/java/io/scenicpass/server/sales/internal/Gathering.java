package io.scenicpass.server.sales.internal;

/**
 * The adaptive gathering window of one slot's lane in {@link HoldCombiner}: a hold that arrives while fewer holds
 * are queued than the slot has reason to expect parks a very short, bounded time, so that the hold completing the
 * group leads one batch for all of them and a few concurrent clients share one commit instead of alternating
 * half-empty batches.
 *
 * <p>The expectation is what the slot's previous cycle showed: the holds its last batch carried plus those that
 * queued while it ran (the clients active on the slot). A slot whose last batch was a lone hold with nobody
 * queued behind it expects one and never waits: a lone client pays no latency. The wait ends as soon as the
 * expected number has queued (their batch answers the waiters) and is bounded by the shorter of
 * {@code maxWindowNanos} and twice the last batch's duration (so a carried waiter is woken by the batch's answer,
 * not its timer: docs/benchmarks.md § "reference-server hot-slot reservation"). When fewer come, the next cycle
 * expects fewer (one step), so a client leaving costs at most one window.
 *
 * <p>Written under the lane's lock, read by any thread.
 */
final class Gathering {
    private final long maxWindowNanos;
    private final int maxBatch;
    private volatile int expected = 1;
    private volatile long lastBatchNanos;
    private volatile long lastUsedNanos;

    Gathering(long maxWindowNanos, int maxBatch) {
        this.maxWindowNanos = maxWindowNanos;
        this.maxBatch = maxBatch;
    }

    /** How many queued holds the next batch should gather; 1 or less means: do not wait. */
    int target() {
        return maxWindowNanos <= 0 ? 1 : expected;
    }

    /** The longest wait before the next batch, in nanoseconds (0 = none). */
    long windowNanos() {
        return target() <= 1 ? 0 : Math.min(maxWindowNanos, 2 * lastBatchNanos);
    }

    /**
     * Records a finished batch.
     *
     * @param batchSize holds the batch carried
     * @param queuedAfter holds waiting in the queue when it finished (they arrived while it ran)
     * @param startNanos ticker at the batch's start (after any gathering wait)
     * @param endNanos ticker at its end
     */
    void batchDone(int batchSize, int queuedAfter, long startNanos, long endNanos) {
        expected = Math.min(maxBatch, batchSize + queuedAfter);
        lastBatchNanos = Math.max(0, endNanos - startNanos);
        lastUsedNanos = endNanos;
    }

    /** True when the slot showed concurrency in its last cycle (worth keeping the lane for its next hold). */
    boolean expectsCompany() {
        return expected > 1;
    }

    /** True when the last batch ended more than {@code idleNanos} before {@code nowNanos}. */
    boolean idleSince(long nowNanos, long idleNanos) {
        return nowNanos - lastUsedNanos > idleNanos;
    }
}
