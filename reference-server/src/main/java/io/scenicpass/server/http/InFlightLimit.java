package io.scenicpass.server.http;

import java.time.Duration;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * A bound on the requests one node works on at once ({@code http.maxInFlight}, Jetty's {@link QoSHandler}): the rest
 * wait without a thread, in arrival order, 503 after {@code maxWait}. Needed with virtual threads, which bound nothing
 * (docs/operations.md § "Why the server does what it does").
 */
public final class InFlightLimit {
    private final QoSHandler qos = new QoSHandler();

    /**
     * At most {@code maxInFlight} requests at once; waiting ones are answered 503 after {@code maxWait}. Requests to
     * {@code streamPaths} (long-lived event streams: a gate's SSE connection stays open for hours) are not counted:
     * each would hold a place for as long as it is open.
     */
    public InFlightLimit(int maxInFlight, Duration maxWait, String... streamPaths) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("http.maxInFlight must be at least 1, not " + maxInFlight);
        }
        qos.setMaxRequestCount(maxInFlight);
        qos.setMaxSuspend(maxWait);
        // no bound on how many wait (Jetty's default of 1,024 turned most of the flash sale away); the wait is bounded
        qos.setMaxSuspendedRequestCount(-1);
        if (streamPaths.length > 0) {
            qos.excludePath(streamPaths);
        }
    }

    /** Installs the bound in front of the app's servlet (call from {@code Javalin.create}). */
    public void install(io.javalin.config.JavalinConfig config) {
        config.jetty.modifyServletContextHandler(context -> context.insertHandler(qos));
    }

    /** Requests waiting for their turn now. */
    public int waiting() {
        return qos.getSuspendedRequestCount();
    }

    /** Requests answered 503 because they waited too long, since start. */
    public long expired() {
        return qos.getTotalExpiredRequestCount();
    }
}
