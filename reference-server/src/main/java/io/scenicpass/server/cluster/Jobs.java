package io.scenicpass.server.cluster;

import io.scenicpass.server.http.MetricsApi;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The background jobs of one node: singletons run by one node at a time under a lease, others on every node. */
public final class Jobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "scenicpass-jobs");
        t.setDaemon(true);
        return t;
    });
    private final JobLeases leases;
    private final Duration lease;
    private final MetricsApi metrics;

    public Jobs(JobLeases leases, Duration lease, MetricsApi metrics) {
        this.leases = leases;
        this.lease = lease;
        this.metrics = metrics;
    }

    /**
     * Runs {@code work} every {@code every} on whichever node holds the job's lease (it must be idempotent anyway);
     * counts this node's runs in the gauge {@code scenicpass.jobs.<name>.runs}, described by {@code what}.
     */
    public void singleton(String name, String what, Duration every, Runnable work) {
        leases.schedule(executor, name, every, lease, work);
        metrics.gauge(
                "scenicpass.jobs." + name.replace('-', '_') + ".runs",
                what + " on this node (it held the lease)",
                () -> leases.runs(name));
    }

    /** Runs {@code work} every {@code every} on this node (work shared by claiming rows, e.g. SKIP LOCKED). */
    public void everyNode(String name, Duration every, Runnable work) {
        long ms = Math.max(1, every.toMillis());
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        LOG.warn("background job '{}' failed; will retry", name, e);
                    }
                },
                ms,
                ms,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
