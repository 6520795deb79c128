package io.scenicpass.server.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DisplayMessage;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.PushType;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.cluster.ClusterBus;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.terminal.store.RevocationFeedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent-events fan-out to terminals ({@code GET /terminal/v1/events}; SSE event name = {@link PushType},
 * data = a {@link PushMessage}). A watcher polls the revocation and blacklist logs (so a cancel in any server
 * process reaches every stream) and the running slots' counters; operators send messages; the flow/alerts
 * side calls {@link #alert}. Heartbeat comments keep idle streams open; terminals reconnect and pull on loss.
 *
 * <p>Several nodes: with a {@link ClusterBus} ({@link #cluster}), messages, alerts and device revocations are
 * published on the bus and every node hands them to its own streams; a revocation/blacklist append wakes every
 * node's watcher at once (PostgreSQL NOTIFY from a trigger), the poll staying as the safety net.
 */
public final class PushHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PushHub.class);
    private static final int PUSH_PAGE = 1000;

    /** One open stream. */
    private static final class Stream {
        final String deviceId;
        final String gateId;
        final SseClient client;

        Stream(String deviceId, String gateId, SseClient client) {
            this.deviceId = deviceId;
            this.gateId = gateId;
            this.client = client;
        }
    }

    private final Database db;
    private final RevocationFeedStore feeds;
    private final Clock clock;
    private final ObjectMapper json = WireJson.mapper();
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final AtomicLong messageSeq = new AtomicLong();
    private final Map<String, Object> lastCapacity = new ConcurrentHashMap<>();
    private volatile long revocationSeq = -1;
    private volatile long blacklistSeq = -1;
    private volatile String capacityJson;
    private volatile ClusterBus bus;
    private volatile ScheduledExecutorService executor;
    private final java.util.concurrent.atomic.AtomicBoolean wakePending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong wakes = new AtomicLong();

    public PushHub(Database db, RevocationFeedStore feeds, Clock clock) {
        this.db = db;
        this.feeds = feeds;
        this.clock = clock;
    }

    /** Starts the watcher and heartbeats on {@code jobs} (owned by the caller). */
    public void start(ScheduledExecutorService jobs, Duration pollEvery, Duration capacityEvery, Duration heartbeat) {
        executor = jobs;
        pollLogs();
        jobs.scheduleWithFixedDelay(
                guard(this::pollLogs), pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        jobs.scheduleWithFixedDelay(guard(this::pushCapacity), 0, capacityEvery.toMillis(), TimeUnit.MILLISECONDS);
        jobs.scheduleWithFixedDelay(
                guard(this::heartbeat), heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Joins the cluster: messages, alerts and device revocations go through {@code clusterBus} to every node's
     * streams (this one included), and log wake-ups from the bus trigger {@link #pollLogs} at once.
     */
    public void cluster(ClusterBus clusterBus) {
        clusterBus.subscribe(ClusterBus.MESSAGE, p -> {
            ObjectNode n = parse(p);
            send(
                    PushType.MESSAGE,
                    messageSeq.incrementAndGet(),
                    n,
                    n.hasNonNull("gateId") ? n.get("gateId").asText() : null);
        });
        clusterBus.subscribe(ClusterBus.ALERT, p -> send(PushType.ALERT, messageSeq.incrementAndGet(), parse(p), null));
        clusterBus.subscribe(ClusterBus.DEVICE_REVOKED, this::closeStreams);
        clusterBus.subscribe(ClusterBus.REVOCATION, p -> wake());
        clusterBus.subscribe(ClusterBus.BLACKLIST, p -> wake());
        this.bus = clusterBus;
    }

    /** Runs {@link #pollLogs} soon on the hub's scheduler (coalesced: several wake-ups, one poll). */
    public void wake() {
        ScheduledExecutorService ex = executor;
        if (ex == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        wakes.incrementAndGet();
        try {
            ex.execute(() -> {
                wakePending.set(false);
                guard(this::pollLogs).run();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            wakePending.set(false);
        }
    }

    /** How many log polls were triggered by a wake-up rather than the timer (for tests and metrics). */
    public long wakeUps() {
        return wakes.get();
    }

    private ObjectNode parse(String payload) {
        try {
            return (ObjectNode) json.readTree(payload);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalArgumentException("bad push payload on the cluster bus", e);
        }
    }

    /** Adopts an SSE client of an authenticated device; keeps it open until it or the device goes away. */
    public void open(String deviceId, String gateId, SseClient client) {
        Stream s = new Stream(deviceId, gateId, client);
        client.keepAlive();
        client.onClose(() -> streams.remove(s));
        streams.add(s);
        synchronized (client) {
            client.sendComment("connected");
            if (capacityJson != null) {
                client.sendEvent(PushType.CAPACITY.name(), capacityJson);
            }
        }
    }

    /** Number of open streams (for tests and metrics). */
    public int connected() {
        return streams.size();
    }

    /** Closes every stream of a device on every node (revoked devices lose their push channel at once). */
    public void disconnect(String deviceId) {
        ClusterBus b = bus;
        if (b != null) {
            b.publish(ClusterBus.DEVICE_REVOKED, deviceId);
        } else {
            closeStreams(deviceId);
        }
    }

    private void closeStreams(String deviceId) {
        for (Stream s : streams) {
            if (s.deviceId.equals(deviceId)) {
                streams.remove(s);
                try {
                    s.client.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing stream of {} failed", deviceId, e);
                }
            }
        }
    }

    /** An operator message to every terminal, or only those of {@code gateId} when given. */
    public void message(DisplayMessage text, String gateId) {
        Objects.requireNonNull(text, "text");
        ObjectNode p = json.createObjectNode();
        p.put("zh", text.zh());
        p.put("en", text.en());
        if (gateId != null) {
            p.put("gateId", gateId);
        }
        ClusterBus b = bus;
        if (b != null) {
            b.publish(ClusterBus.MESSAGE, p.toString());
            return;
        }
        send(PushType.MESSAGE, messageSeq.incrementAndGet(), p, gateId);
    }

    /**
     * An alert for the terminals' displays (the flow/forecast side calls this): e.g. a slot or the park
     * reaching its threshold. {@code details} is copied into the payload (e.g. slotId, remaining, level).
     */
    public void alert(String alertId, DisplayMessage text, Map<String, Object> details) {
        ObjectNode p = json.createObjectNode();
        p.put("alertId", alertId);
        p.put("zh", text.zh());
        p.put("en", text.en());
        if (details != null) {
            details.forEach((k, v) -> p.set(k, json.valueToTree(v)));
        }
        ClusterBus b = bus;
        if (b != null) {
            b.publish(ClusterBus.ALERT, p.toString());
            return;
        }
        send(PushType.ALERT, messageSeq.incrementAndGet(), p, null);
    }

    /** Checks the revocation and blacklist logs now and pushes what is new (on the hub's scheduler thread). */
    public synchronized void pollLogs() {
        db.read(c -> {
            if (revocationSeq < 0) {
                revocationSeq = feeds.lastRevocation(c);
                blacklistSeq = feeds.lastBlacklist(c);
                return null;
            }
            long since = revocationSeq;
            long upper = feeds.revocationUpper(c, since, PUSH_PAGE);
            if (upper > since) {
                List<String> ids = new ArrayList<>();
                feeds.streamRevocations(c, since, upper, (seq, id) -> ids.add(id));
                RevocationDelta d = new RevocationDelta(since, upper, ids, feeds.revocationsAfter(c, upper));
                revocationSeq = upper;
                send(PushType.REVOCATION, upper, json.valueToTree(d), null);
            }
            long bSince = blacklistSeq;
            List<RevocationFeedStore.BlacklistRow> rows = feeds.blacklist(c, bSince, PUSH_PAGE);
            if (!rows.isEmpty()) {
                List<String> added = new ArrayList<>();
                List<String> removed = new ArrayList<>();
                for (RevocationFeedStore.BlacklistRow r : rows) {
                    (r.add() ? added : removed).add(r.binding());
                }
                long to = rows.get(rows.size() - 1).seq();
                blacklistSeq = to;
                send(
                        PushType.BLACKLIST,
                        to,
                        json.valueToTree(new BlacklistDelta(bSince, to, added, removed, feeds.blacklistAfter(c, to))),
                        null);
            }
            return null;
        });
    }

    /** Pushes the remaining capacity of the running slots when it changed. */
    public void pushCapacity() {
        List<RevocationFeedStore.SlotNow> slots = db.read(c -> feeds.slotsAt(c, clock.instant()));
        ObjectNode p = json.createObjectNode();
        ArrayNode arr = p.putArray("slots");
        for (RevocationFeedStore.SlotNow s : slots) {
            ObjectNode o = arr.addObject();
            o.put("slotId", s.slotId());
            o.put("productId", s.productId());
            o.put("startAt", s.startAt().toString());
            o.put("endAt", s.endAt().toString());
            o.put("capacity", s.capacity());
            o.put("sold", s.sold());
            o.put("held", s.held());
            o.put("remaining", s.closed() ? 0 : Math.max(0, s.capacity() - s.sold() - s.held()));
        }
        String key = p.toString();
        if (key.equals(lastCapacity.get("slots"))) {
            return;
        }
        lastCapacity.put("slots", key);
        capacityJson = envelope(PushType.CAPACITY, messageSeq.incrementAndGet(), p);
        broadcast(PushType.CAPACITY, capacityJson, null);
    }

    private void heartbeat() {
        for (Stream s : streams) {
            synchronized (s.client) {
                if (s.client.terminated()) {
                    streams.remove(s);
                } else {
                    s.client.sendComment("hb " + clock.millis());
                }
            }
        }
    }

    private void send(PushType type, long seq, JsonNode payload, String gateId) {
        broadcast(type, envelope(type, seq, payload), gateId);
    }

    private String envelope(PushType type, long seq, JsonNode payload) {
        try {
            return json.writeValueAsString(new PushMessage(type, seq, payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise push", e);
        }
    }

    private void broadcast(PushType type, String data, String gateId) {
        for (Stream s : streams) {
            if (gateId != null && !gateId.equals(s.gateId)) {
                continue;
            }
            synchronized (s.client) {
                if (s.client.terminated()) {
                    streams.remove(s);
                    continue;
                }
                try {
                    s.client.sendEvent(type.name(), data);
                } catch (RuntimeException e) {
                    LOG.debug("push to {} failed; dropping the stream", s.deviceId, e);
                    streams.remove(s);
                }
            }
        }
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("push job failed; will retry", e);
            }
        };
    }

    /** Closes every stream. */
    @Override
    public void close() {
        for (Stream s : streams) {
            try {
                s.client.close();
            } catch (RuntimeException e) {
                LOG.debug("close failed", e);
            }
        }
        streams.clear();
    }
}
