package io.scenicpass.terminal.sync;

import java.time.Instant;

/**
 * Receives the server's time from the {@code X-ScenicPass-Server-Time} header of every response, with the
 * device times the request left and the response arrived. The engine's
 * {@code io.scenicpass.terminal.time.GateClock#observeServerTime} fits as a method reference.
 */
@FunctionalInterface
public interface ServerClock {
    /** A clock that ignores server time. */
    ServerClock IGNORE = (server, sent, received) -> false;

    /**
     * @param serverTime the server's time
     * @param requestSent device time when the request left
     * @param responseReceived device time when the response arrived
     * @return whether the sample was used
     */
    boolean observeServerTime(Instant serverTime, Instant requestSent, Instant responseReceived);
}
