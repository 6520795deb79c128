package io.scenicpass.server.cluster;

import io.scenicpass.server.Platform;
import io.scenicpass.server.cluster.internal.LocalClusterBus;
import io.scenicpass.server.cluster.internal.PostgresClusterBus;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.http.MetricsApi;
import java.util.concurrent.ScheduledExecutorService;

/** The nodes on one database: the event bus between them (LISTEN/NOTIFY, in-process on H2) and the job leases. */
public final class ClusterModule implements AutoCloseable {
    public final ClusterBus bus;
    public final JobLeases leases;
    private final ServerConfig config;
    private final MetricsApi metrics;

    public ClusterModule(Platform p) {
        config = p.config();
        metrics = p.metrics();
        // nodes share one PostgreSQL (LISTEN/NOTIFY); an embedded H2 has one node
        bus = p.db().dialect()
                .<ClusterBus>pick(
                        LocalClusterBus::new,
                        () -> new PostgresClusterBus(p.db(), new ClusterEventStore(), config.nodeId, p.clock()));
        leases = new JobLeases(p.db(), new JobLeaseStore(), p.clock(), config.nodeId);
        p.metrics()
                .gauge(
                        "scenicpass.cluster.events.received",
                        "events from other nodes (messages, alerts, log wake-ups)",
                        bus::received);
    }

    /** Starts listening to the other nodes (PostgreSQL only) on the push executor. */
    public void start(ScheduledExecutorService pushJobs) {
        if (bus instanceof PostgresClusterBus pg) {
            pg.start(pushJobs, config.pushPoll);
        }
    }

    /** The background jobs of this node, under this cluster's leases. */
    public Jobs jobs() {
        return new Jobs(leases, config.jobLease, metrics);
    }

    @Override
    public void close() {
        bus.close();
    }
}
