package io.scenicpass.terminal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one sync cycle did: whether it completed, how many entries went up, and when the next one runs. */
public final class SyncReport {
    private final Instant finishedAt;
    private final boolean success;
    private final int entriesUploaded;
    private final int telemetryUploaded;
    private final int conflicts;
    private final Duration nextAttemptIn;
    private final SyncException failure;

    SyncReport(
            Instant finishedAt,
            boolean success,
            int entriesUploaded,
            int telemetryUploaded,
            int conflicts,
            Duration nextAttemptIn,
            SyncException failure) {
        this.finishedAt = finishedAt;
        this.success = success;
        this.entriesUploaded = entriesUploaded;
        this.telemetryUploaded = telemetryUploaded;
        this.conflicts = conflicts;
        this.nextAttemptIn = nextAttemptIn;
        this.failure = failure;
    }

    /** @return device time the cycle ended */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** @return true when every pull and push of the cycle succeeded */
    public boolean success() {
        return success;
    }

    /** @return entries the server acknowledged in this cycle */
    public int entriesUploaded() {
        return entriesUploaded;
    }

    /** @return telemetry readings uploaded in this cycle */
    public int telemetryUploaded() {
        return telemetryUploaded;
    }

    /** @return over-use conflicts the server reported in this cycle */
    public int conflicts() {
        return conflicts;
    }

    /** @return the delay before the next cycle: the pull interval, or the backoff after a failure */
    public Duration nextAttemptIn() {
        return nextAttemptIn;
    }

    /** @return why the cycle stopped early */
    public Optional<SyncException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "SyncReport{" + (success ? "ok" : "failed: " + failure.code()) + ", entries=" + entriesUploaded
                + ", telemetry=" + telemetryUploaded + ", conflicts=" + conflicts + ", next=" + nextAttemptIn + '}';
    }
}
