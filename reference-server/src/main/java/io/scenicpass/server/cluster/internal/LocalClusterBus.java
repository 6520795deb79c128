package io.scenicpass.server.cluster.internal;

import io.scenicpass.server.cluster.ClusterBus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single-node bus (embedded H2): {@link #publish} calls this process's subscribers directly. */
public final class LocalClusterBus implements ClusterBus {
    private static final Logger LOG = LoggerFactory.getLogger(LocalClusterBus.class);
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String kind, String payload) {
        dispatch(listeners, kind, payload);
    }

    @Override
    public void subscribe(String kind, Consumer<String> listener) {
        listeners.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public boolean clustered() {
        return false;
    }

    @Override
    public long received() {
        return 0;
    }

    @Override
    public void close() {
        listeners.clear();
    }

    /** Calls every listener of {@code kind}; a failing listener is logged and does not stop the others. */
    static void dispatch(Map<String, List<Consumer<String>>> listeners, String kind, String payload) {
        for (Consumer<String> l : listeners.getOrDefault(kind, List.of())) {
            try {
                l.accept(payload);
            } catch (RuntimeException e) {
                LOG.warn("cluster event listener for {} failed", kind, e);
            }
        }
    }
}
