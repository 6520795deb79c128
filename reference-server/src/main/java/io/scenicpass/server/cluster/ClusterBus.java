package io.scenicpass.server.cluster;

import java.util.function.Consumer;

/**
 * Events every server node must see, for pushes to the terminal streams connected to it: operator messages,
 * capacity alerts, revoked devices, and "the revocation/blacklist log grew" wake-ups. Payloads are small strings
 * (ids or a short JSON); receivers read the database for anything else.
 *
 * <p>Two implementations: on PostgreSQL, {@code PostgresClusterBus} (a {@code cluster_event} row plus NOTIFY, a
 * listener thread on a dedicated connection, and a periodic catch-up read as the safety net); on the embedded H2
 * database, which is one node by construction, {@code LocalClusterBus} (in-process calls).
 */
public interface ClusterBus extends AutoCloseable {
    /** The revocation log grew (no payload): a wake-up, published by a database trigger on PostgreSQL. */
    String REVOCATION = "REVOCATION";
    /** The blacklist log grew (no payload): a wake-up, published by a database trigger on PostgreSQL. */
    String BLACKLIST = "BLACKLIST";
    /** An operator message for the terminals (payload: the push payload JSON). */
    String MESSAGE = "MESSAGE";
    /** A capacity alert for the terminals (payload: the push payload JSON). */
    String ALERT = "ALERT";
    /** A device was revoked (payload: its id): every node closes its streams. */
    String DEVICE_REVOKED = "DEVICE_REVOKED";

    /**
     * Hands {@code payload} to the subscribers of {@code kind} on every node: on this node at once (in the calling
     * thread), on the others within milliseconds (NOTIFY) or at worst at their next catch-up read. Each node sees each
     * event once.
     */
    void publish(String kind, String payload);

    /** Registers a listener for {@code kind}; listeners must be quick and must not throw. */
    void subscribe(String kind, Consumer<String> listener);

    /** True when events cross server processes (PostgreSQL), false for the single-node in-process bus. */
    boolean clustered();

    /** Events received from the database (NOTIFY or catch-up) rather than published here (for metrics and tests). */
    long received();

    @Override
    void close();
}
