package io.scenicpass.terminal.sync;

import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.state.OveruseFile;
import io.scenicpass.terminal.internal.sync.Backoff;
import io.scenicpass.terminal.internal.sync.ConnectivityMonitor;
import io.scenicpass.terminal.internal.sync.EntryUploader;
import io.scenicpass.terminal.internal.sync.Puller;
import io.scenicpass.terminal.internal.sync.PushStream;
import io.scenicpass.terminal.internal.sync.TelemetryQueue;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.state.OveruseNotice;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a gate in sync with the ScenicPass server, in the background: pulls the key set, revocations,
 * blacklist, manifest and config by cursor; uploads journaled entries in gzip batches (idempotent by event
 * id, retried with exponential backoff and jitter); uploads telemetry; listens to the server-sent-events
 * stream for urgent changes; feeds the server time to the gate clock; detects online/offline by itself.
 *
 * <p>Nothing here is on the path of a gate decision: the gate reads its local state, journals, and calls
 * {@link #entriesAvailable()} (returns at once). The only call that waits is {@link #onlineCheck}, bounded
 * by the timeout given and skipped when offline.
 *
 * <pre>{@code
 * SyncClient sync = SyncClient.builder(credentials)
 *     .state(stateSink).outbox(entryOutbox).serverClock(gateClock::observeServerTime)
 *     .listener(myListener).build();
 * sync.start();
 * }</pre>
 */
public final class SyncClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);
    private static final Duration UPLOAD_DEBOUNCE = Duration.ofMillis(200);
    /** Set while a task of this client runs on the sync thread (so syncNow from a listener cannot deadlock). */
    private static final ThreadLocal<Boolean> ON_SYNC_THREAD = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final SyncClientBuilder settings;
    private final DeviceCredentials credentials;
    private final SyncListener listener;
    private final ConnectivityMonitor monitor;
    private final TerminalApi api;
    private final Puller puller;
    private final EntryUploader uploader;
    private final TelemetryQueue telemetry;
    private final OveruseFile conflicts;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    private final PushStream push;
    private final Object scheduleLock = new Object();
    private ScheduledFuture<?> next;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile SyncReport lastReport;
    private volatile String peerEndpoint;

    SyncClient(SyncClientBuilder s) {
        this.settings = s;
        this.credentials = s.credentials;
        this.listener = s.listener;
        this.monitor = new ConnectivityMonitor(s.failuresToOffline, s.slowThreshold, this::connectivityChanged);
        this.api = new TerminalApi(
                s.http(), credentials.serverUrl(), credentials.deviceToken(), s.clock, s.serverClock, monitor);
        this.puller = new Puller(api, s.state, credentials.rootPublicKey(), s.pageSize, s.maxPagesPerCycle);
        this.conflicts = new OveruseFile(s.conflictFile, 1000);
        try {
            conflicts.load();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("cannot read over-use conflicts from {}: {}", s.conflictFile, e.toString());
        }
        this.uploader = new EntryUploader(
                api, s.outbox, credentials.deviceId(), s.clock, s.batchSize, this::conflict, listener::entryRejected);
        this.telemetry = new TelemetryQueue(s.telemetryCapacity);
        this.backoff = new Backoff(s.backoffBase, s.backoffMax, s.random);
        this.ownExecutor = s.executor == null;
        this.executor = ownExecutor
                ? Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "scenicpass-sync");
                    t.setDaemon(true);
                    return t;
                })
                : s.executor;
        this.push = s.pushEnabled
                ? new PushStream(
                        api,
                        executor,
                        new Backoff(s.backoffBase, s.backoffMax, s.random),
                        s.clock,
                        this::onPush,
                        () -> schedule(Duration.ZERO),
                        listener::unauthorized)
                : null;
    }

    /**
     * @param credentials the device's credentials from {@link Provisioning}
     * @return a builder
     */
    public static SyncClientBuilder builder(DeviceCredentials credentials) {
        return new SyncClientBuilder(credentials);
    }

    /** Starts background sync: a first cycle at once, then every pull interval; opens the push stream. */
    public void start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        started = true;
        schedule(Duration.ZERO);
        if (push != null) {
            push.start();
        }
    }

    /**
     * Runs one full cycle now (pulls, entry upload, telemetry) and waits for it. On a started client the
     * cycle runs on the sync thread; otherwise on the caller's.
     *
     * @return what the cycle did
     */
    public SyncReport syncNow() {
        if (!started || ON_SYNC_THREAD.get()) {
            return cycle();
        }
        try {
            return executor.submit(() -> onSyncThread(this::cycle)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncErrorCode.NETWORK, "interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("sync cycle failed", e.getCause());
        }
    }

    /** Tells the client new entries were journaled; schedules an upload soon. Never blocks. */
    public void entriesAvailable() {
        if (started && monitor.state() != Connectivity.OFFLINE) {
            schedule(UPLOAD_DEBOUNCE);
        }
    }

    /** @param reading a sensor, people-counter or device-health reading; queued, never blocks */
    public void submitTelemetry(TelemetryReading reading) {
        telemetry.offer(reading);
    }

    /**
     * Asks the server about a pass marked "online preferred". Returns empty at once when offline, and
     * empty after {@code timeout} when the server does not answer: the gate then uses its offline decision
     * with the same event id as the request, so the server can tie both together.
     *
     * @param request the check, carrying the event id of the decision
     * @param timeout the longest wait (keep it short, e.g. 800 ms)
     * @return the server's verdict, or empty to decide offline
     */
    public Optional<OnlineCheckResponse> onlineCheck(OnlineCheckRequest request, Duration timeout) {
        if (closed || monitor.state() == Connectivity.OFFLINE) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    api.post(api.url("online-check").build(), request, false, OnlineCheckResponse.class, timeout));
        } catch (SyncException e) {
            LOG.debug("online check fell back to offline decision: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Tells the server where this gate listens for the other gates of its site (see
     * {@link io.scenicpass.terminal.peer.PeerNetwork}); sent with the next sync cycle, and again each cycle until
     * the server has it. The server lists it in the other gates' configs.
     *
     * @param hostPort the LAN endpoint, {@code host:port}
     */
    public void advertisePeerEndpoint(String hostPort) {
        this.peerEndpoint = java.util.Objects.requireNonNull(hostPort);
        schedule(Duration.ZERO);
    }

    /** @return whether the server is reachable, as last observed */
    public Connectivity connectivity() {
        return monitor.state();
    }

    /** @return whether the push stream is open */
    public boolean pushConnected() {
        return push != null && push.connected();
    }

    /** @return over-use conflicts reported by the server, oldest first */
    public List<OveruseNotice> overuseConflicts() {
        return conflicts.notices();
    }

    /** @return the last cycle's report */
    public Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /** @return telemetry readings waiting for upload */
    public int pendingTelemetry() {
        return telemetry.size();
    }

    /** Stops background work and the push stream. Pending entries stay in the outbox. */
    @Override
    public void close() {
        closed = true;
        if (push != null) {
            push.close();
        }
        synchronized (scheduleLock) {
            if (next != null) {
                next.cancel(false);
            }
        }
        if (ownExecutor) {
            executor.shutdownNow();
        }
    }

    private SyncReport cycle() {
        int entries = 0;
        int sent = 0;
        int conflictCount = 0;
        SyncException failure = null;
        try {
            puller.keySet();
            puller.revocations();
            puller.blacklist();
            puller.config();
            String ep = peerEndpoint;
            if (ep != null) {
                api.exchange(
                        api.request(api.url("peer-endpoint").build())
                                .put(okhttp3.RequestBody.create(
                                        WireJson.mapper()
                                                .createObjectNode()
                                                .put("endpoint", ep)
                                                .toString(),
                                        okhttp3.MediaType.get("application/json")))
                                .build(),
                        null,
                        null);
                if (ep.equals(peerEndpoint)) {
                    peerEndpoint = null;
                }
            }
            EntryUploader.Result r = uploader.upload(settings.maxBatchesPerCycle);
            entries = r.acknowledged;
            conflictCount = r.conflicts;
            puller.manifest();
            sent = telemetry.upload(api, credentials.deviceId(), settings.telemetryBatch);
        } catch (SyncException e) {
            failure = e;
            if (e.code() == SyncErrorCode.UNAUTHORIZED) {
                listener.unauthorized();
            }
            LOG.debug("sync cycle stopped: {}", e.getMessage());
        } catch (RuntimeException e) {
            failure = new SyncException(SyncErrorCode.BAD_RESPONSE, "sync cycle failed: " + e, 0, null, e);
            LOG.warn("sync cycle failed", e);
        }
        Duration nextIn;
        if (failure == null) {
            backoff.succeeded();
            nextIn = settings.pullInterval;
        } else {
            nextIn = backoff.failed();
        }
        SyncReport report = new SyncReport(
                settings.clock.instant(), failure == null, entries, sent, conflictCount, nextIn, failure);
        lastReport = report;
        return report;
    }

    private void scheduledCycle() {
        synchronized (scheduleLock) {
            if (next != null && next.getDelay(TimeUnit.MILLISECONDS) <= 0) {
                next = null; // this run; lets the cycle itself schedule an earlier one (e.g. back online)
            }
        }
        SyncReport report = onSyncThread(this::cycle);
        schedule(report.nextAttemptIn());
    }

    private void schedule(Duration delay) {
        synchronized (scheduleLock) {
            if (closed || !started) {
                return;
            }
            if (next != null && !next.isDone() && next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            try {
                next = executor.schedule(this::scheduledCycle, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                next = null;
            }
        }
    }

    private static <T> T onSyncThread(java.util.function.Supplier<T> task) {
        ON_SYNC_THREAD.set(Boolean.TRUE);
        try {
            return task.get();
        } finally {
            ON_SYNC_THREAD.set(Boolean.FALSE);
        }
    }

    private void onPush(PushMessage m) {
        onSyncThread(() -> {
            handlePush(m);
            return null;
        });
    }

    private void handlePush(PushMessage m) {
        if (m.type() == null) {
            return;
        }
        try {
            switch (m.type()) {
                case REVOCATION:
                    pushed(puller.applyRevocations(WireJson.mapper().treeToValue(m.payload(), RevocationDelta.class)));
                    break;
                case BLACKLIST:
                    pushed(puller.applyBlacklist(WireJson.mapper().treeToValue(m.payload(), BlacklistDelta.class)));
                    break;
                case MANIFEST:
                    pushed(puller.applyManifest(WireJson.mapper().treeToValue(m.payload(), ManifestDelta.class)));
                    break;
                case KEYSET:
                case CONFIG:
                    schedule(Duration.ZERO);
                    break;
                default:
                    listener.displayPush(m);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug(
                    "push {} not applied directly ({}); pulling instead",
                    m.type(),
                    e.getClass().getSimpleName());
            schedule(Duration.ZERO);
        }
    }

    private void pushed(boolean applied) {
        if (!applied) {
            schedule(Duration.ZERO); // a gap: the delta did not continue from our cursor
        }
    }

    private void conflict(OveruseNotice c) {
        if (settings.gate != null) {
            settings.gate.recordOveruse(c.eventId(), c.passId(), c.message());
        }
        boolean fresh;
        try {
            fresh = conflicts.record(c);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn(
                    "cannot persist over-use conflict {}: {}",
                    c.eventId(),
                    e.getCause().toString());
            fresh = true; // kept in memory; still tell the application
        }
        if (fresh) {
            LOG.warn("server reports over-use: {}", c);
            listener.overuseConflict(c);
        }
    }

    private void connectivityChanged(Connectivity previous, Connectivity current) {
        LOG.info("connectivity {} -> {}", previous, current);
        if (settings.gate != null) {
            settings.gate.setOnline(current == Connectivity.ONLINE);
        }
        listener.connectivityChanged(previous, current);
        if (current == Connectivity.ONLINE && previous == Connectivity.OFFLINE) {
            schedule(Duration.ZERO);
        }
    }
}
