package io.scenicpass.server.http;

import java.util.Locale;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's request threads: a bounded pool of platform threads, or — on Java 21+ when asked — one virtual thread per
 * request. Jetty's selectors and acceptors stay on platform threads either way; only the (blocking) request handling
 * moves to virtual threads. The build targets Java 17: virtual threads are looked up reflectively (by Jetty), and on
 * 17 the option logs that it is unavailable and keeps platform threads.
 */
public final class JettyThreads {
    private static final Logger LOG = LoggerFactory.getLogger(JettyThreads.class);

    /** {@code http.virtualThreads}: {@code on} (use when available), {@code off}, {@code auto} (on with Java 21+). */
    public enum Mode {
        ON,
        OFF,
        AUTO;

        /** Parses on/off/auto (also true/false), case-insensitively. */
        public static Mode parse(String s) {
            switch (s == null ? "off" : s.trim().toLowerCase(Locale.ROOT)) {
                case "on":
                case "true":
                case "yes":
                    return ON;
                case "off":
                case "false":
                case "no":
                    return OFF;
                case "auto":
                    return AUTO;
                default:
                    throw new IllegalArgumentException("http.virtualThreads must be on, off or auto, not '" + s + "'");
            }
        }
    }

    private JettyThreads() {}

    /** Whether this JVM can run virtual threads (Java 21+). */
    public static boolean virtualThreadsAvailable() {
        return VirtualThreads.areSupported();
    }

    /** Whether {@code mode} ends up using virtual threads on this JVM. */
    public static boolean useVirtual(Mode mode) {
        return mode != Mode.OFF && virtualThreadsAvailable();
    }

    /**
     * The pool for Jetty.
     *
     * @param maxThreads platform threads at most (selectors, acceptors and — without virtual threads — requests)
     */
    public static QueuedThreadPool pool(Mode mode, int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads), 60_000);
        pool.setName("scenicpass-http");
        if (useVirtual(mode)) {
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("scenicpass-http-vt"));
            LOG.info(
                    "HTTP requests run on virtual threads (Java {})",
                    Runtime.version().feature());
        } else if (mode == Mode.ON) {
            LOG.warn(
                    "virtual threads are unavailable on Java {} (they need Java 21+): HTTP requests run on up to {} "
                            + "platform threads",
                    Runtime.version().feature(),
                    maxThreads);
        } else {
            LOG.debug("HTTP requests run on up to {} platform threads", maxThreads);
        }
        return pool;
    }
}
