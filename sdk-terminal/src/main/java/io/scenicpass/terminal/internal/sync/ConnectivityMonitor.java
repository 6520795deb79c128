package io.scenicpass.terminal.internal.sync;

import io.scenicpass.terminal.sync.Connectivity;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Decides online/offline from the outcome of every request: one good response (faster than the slow
 * threshold) makes the gate ONLINE; {@code failuresToOffline} failures or slow responses in a row make it
 * OFFLINE. Listeners are told about changes only. Thread-safe.
 */
public final class ConnectivityMonitor {
    private final int failuresToOffline;
    private final Duration slowThreshold;
    private final BiConsumer<Connectivity, Connectivity> listener;
    private Connectivity state = Connectivity.UNKNOWN;
    private int badInARow;

    /**
     * @param failuresToOffline consecutive bad outcomes before OFFLINE (at least 1)
     * @param slowThreshold a response slower than this counts as bad
     * @param listener told {@code (previous, current)} on every change, outside the monitor's lock
     */
    public ConnectivityMonitor(
            int failuresToOffline, Duration slowThreshold, BiConsumer<Connectivity, Connectivity> listener) {
        if (failuresToOffline < 1) {
            throw new IllegalArgumentException("failuresToOffline must be >= 1");
        }
        this.failuresToOffline = failuresToOffline;
        this.slowThreshold = Objects.requireNonNull(slowThreshold, "slowThreshold");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** @param latency round trip of a request that got an HTTP response from the server */
    public void success(Duration latency) {
        if (latency.compareTo(slowThreshold) > 0) {
            failure();
            return;
        }
        change(true);
    }

    /** Records a request that failed at the network level (timeout, refused, reset, 5xx). */
    public void failure() {
        change(false);
    }

    /** @return the current state */
    public synchronized Connectivity state() {
        return state;
    }

    private void change(boolean good) {
        Connectivity previous;
        Connectivity current;
        synchronized (this) {
            previous = state;
            if (good) {
                badInARow = 0;
                state = Connectivity.ONLINE;
            } else {
                badInARow++;
                if (badInARow >= failuresToOffline) {
                    state = Connectivity.OFFLINE;
                }
            }
            current = state;
        }
        if (previous != current) {
            listener.accept(previous, current);
        }
    }
}
