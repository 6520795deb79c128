package io.scenicpass.server.http;

import java.time.Duration;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * A bound on the requests one node works on at once ({@code http.maxInFlight}): the requests above it wait,
 * suspended (holding no thread), and are resumed in arrival order as running ones finish; one that waited
 * {@code maxWait} is answered 503 (through the server's JSON error handler). With platform threads Jetty's pool
 * bounds the work already; with virtual threads nothing else does, and in the flash sale ~4,000 requests per node
 * then waited inside the server for one of 16 database connections, one of them longer than the pool's 30 s
 * connection timeout (503). Jetty's {@link QoSHandler} in front of the servlet.
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
    // no bound on how many wait (Jetty's default turns away all but 1,024 at once with a 503: in the flash sale
    // 16,683 of 20,000 buyers); the wait itself is bounded, and the connections they came on bound their number
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
