package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.Alarm;
import io.scenicpass.terminal.device.AlarmType;
import io.scenicpass.terminal.device.Passage;
import io.scenicpass.terminal.device.Turnstile;
import io.scenicpass.terminal.device.TurnstileListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A turnstile driven by hand: {@link #walkThrough()} is one person passing. Same semantics as the
 * hardware drivers: released passages are authorised; an unreleased passage is tailgating within the
 * window after an authorised one, forced entry otherwise.
 */
public final class SimulatedTurnstile extends SimulatedDevice implements Turnstile {
    private final Duration tailgateWindow;
    private volatile TurnstileListener listener;
    private int pending;
    private int opens;
    private Instant lastAuthorisedAt;

    /** Creates the turnstile with a 2-second tailgating window. */
    public SimulatedTurnstile(String deviceId, Clock clock) {
        this(deviceId, clock, Duration.ofSeconds(2));
    }

    /** Creates the turnstile. */
    public SimulatedTurnstile(String deviceId, Clock clock, Duration tailgateWindow) {
        super(deviceId, clock);
        this.tailgateWindow = tailgateWindow;
    }

    @Override
    public void setTurnstileListener(TurnstileListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized boolean open(int passages) {
        if (passages < 1) {
            throw new IllegalArgumentException("passages must be at least 1");
        }
        if (health().faulty() && !health().connected()) {
            return false;
        }
        pending += passages;
        opens++;
        return true;
    }

    @Override
    public synchronized void lock() {
        pending = 0;
    }

    @Override
    public synchronized int pendingPassages() {
        return pending;
    }

    /** How many times {@link #open(int)} succeeded. */
    public synchronized int openCount() {
        return opens;
    }

    /** One person walks through. */
    public void walkThrough() {
        Instant now = clock.instant();
        boolean authorised;
        boolean tailgating;
        synchronized (this) {
            authorised = pending > 0;
            tailgating = !authorised
                    && lastAuthorisedAt != null
                    && Duration.between(lastAuthorisedAt, now).compareTo(tailgateWindow) <= 0;
            if (authorised) {
                pending--;
                lastAuthorisedAt = now;
            }
        }
        TurnstileListener l = listener;
        if (l == null) {
            return;
        }
        Passage p = new Passage(deviceId(), now, authorised);
        safely(() -> l.onPassage(p));
        if (!authorised) {
            Alarm a = new Alarm(
                    deviceId(),
                    tailgating ? AlarmType.TAILGATING : AlarmType.FORCED_ENTRY,
                    now,
                    "passage without release");
            safely(() -> l.onAlarm(a));
        }
    }

    /** Raises an alarm (e.g. obstruction or tamper). */
    public void raise(AlarmType type, String detail) {
        TurnstileListener l = listener;
        if (l != null) {
            Alarm a = new Alarm(deviceId(), type, clock.instant(), detail);
            safely(() -> l.onAlarm(a));
        }
    }
}
