package io.scenicpass.terminal.internal.device;

import java.time.Duration;
import java.util.Objects;

/**
 * The worker thread of a driver: {@link #start()} runs the body once on a daemon thread (the body loops while
 * {@link #running()}), {@link #stop()} ends it and waits for the thread, and {@link #pause(Duration)} is the
 * body's interruptible wait — it returns early when the worker is stopped. One instance per driver.
 */
public final class DeviceWorker {
    private final String threadName;
    private final Runnable body;
    private final Duration joinTimeout;
    private final Object lock = new Object();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param threadName  name of the daemon thread
     * @param body        the driver loop; it should return soon after {@link #running()} turns false
     * @param joinTimeout how long {@link #stop()} waits for the loop to return
     */
    public DeviceWorker(String threadName, Runnable body, Duration joinTimeout) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.body = Objects.requireNonNull(body, "body");
        this.joinTimeout = Objects.requireNonNull(joinTimeout, "joinTimeout");
    }

    /** Starts the thread; returns false (and does nothing) when already running. */
    public boolean start() {
        synchronized (lock) {
            if (running) {
                return false;
            }
            running = true;
            thread = new Thread(body, threadName);
            thread.setDaemon(true);
            thread.start();
            return true;
        }
    }

    /**
     * Stops the loop, wakes a pausing body and waits up to the join timeout for it to return (not when called
     * from the worker thread itself). Returns false when it was not running.
     */
    public boolean stop() {
        Thread t;
        synchronized (lock) {
            if (!running) {
                return false;
            }
            running = false;
            t = thread;
            lock.notifyAll();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Math.max(1, joinTimeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    /** True from {@link #start()} until {@link #stop()}. */
    public boolean running() {
        return running;
    }

    /**
     * Waits for {@code d} or until {@link #stop()}, whichever comes first. An interrupt of the worker thread
     * stops the worker.
     */
    public void pause(Duration d) {
        synchronized (lock) {
            if (!running) {
                return;
            }
            try {
                lock.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
