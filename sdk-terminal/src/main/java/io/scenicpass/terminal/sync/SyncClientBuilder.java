package io.scenicpass.terminal.sync;

import io.scenicpass.terminal.internal.gate.GateInternals;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

/** Builder for {@link SyncClient}; obtain it from {@link SyncClient#builder(DeviceCredentials)}. Only
 * {@link #state(StateSink)} is required; every other setting has a default suited to a gate. */
public final class SyncClientBuilder {
    final DeviceCredentials credentials;
    StateSink state;
    EntryOutbox outbox = new EntryOutbox() {
        @Override
        public List<io.scenicpass.core.EntryEvent> pending(int max) {
            return Collections.emptyList();
        }

        @Override
        public void markUploaded(Collection<String> eventIds) {}
    };
    ServerClock serverClock = ServerClock.IGNORE;
    Clock clock = Clock.systemUTC();
    SyncListener listener = new SyncListener() {};
    OkHttpClient http;
    Duration requestTimeout = Duration.ofSeconds(15);
    Duration pullInterval = Duration.ofSeconds(30);
    Duration backoffBase = Duration.ofSeconds(1);
    Duration backoffMax = Duration.ofMinutes(5);
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    int failuresToOffline = 2;
    Duration slowThreshold = Duration.ofSeconds(3);
    int batchSize = 500;
    int maxBatchesPerCycle = 20;
    int pageSize = 1000;
    int maxPagesPerCycle = 50;
    int telemetryCapacity = 10_000;
    int telemetryBatch = 500;
    boolean pushEnabled = true;
    ScheduledExecutorService executor;
    Path conflictFile;
    io.scenicpass.terminal.Gate gate;

    SyncClientBuilder(DeviceCredentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * @param state where pulled and pushed changes go (required)
     * @return this builder
     */
    public SyncClientBuilder state(StateSink state) {
        this.state = state;
        return this;
    }

    /**
     * Wires the client to a gate engine in one call: its durable state receives pulls and pushes, its
     * journal is the outbox, its clock learns the server time, over-use conflicts are recorded in its state
     * (and reach its {@link io.scenicpass.terminal.OveruseListener}s), and it is told when it goes online or
     * offline. Sets the device clock to the gate's; call {@link #clock(Clock)} afterwards only to override.
     *
     * @param gate the gate engine
     * @return this builder
     */
    public SyncClientBuilder gate(io.scenicpass.terminal.Gate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.state = new GateStateSink(GateInternals.state(gate));
        io.scenicpass.terminal.GateOutbox gateOutbox = gate.outbox();
        this.outbox = new EntryOutbox() {
            @Override
            public List<io.scenicpass.core.EntryEvent> pending(int max) {
                return gateOutbox.pending(max);
            }

            @Override
            public void markUploaded(Collection<String> eventIds) {
                gateOutbox.markUploaded(eventIds);
            }
        };
        io.scenicpass.terminal.time.GateClock gateClock = gate.clock();
        this.serverClock = gateClock::observeServerTime;
        this.clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public java.time.Instant instant() {
                return gateClock.deviceNow(); // round trips are measured on the gate's device clock
            }
        };
        return this;
    }

    /**
     * @param outbox the journaled entries waiting for upload (default: none)
     * @return this builder
     */
    public SyncClientBuilder outbox(EntryOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        return this;
    }

    /**
     * @param serverClock receives the server time of every response, e.g. {@code gateClock::observeServerTime}
     * @return this builder
     */
    public SyncClientBuilder serverClock(ServerClock serverClock) {
        this.serverClock = Objects.requireNonNull(serverClock, "serverClock");
        return this;
    }

    /**
     * @param clock the device clock (round-trip measurement, timestamps); default system UTC
     * @return this builder
     */
    public SyncClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param listener told about connectivity changes, conflicts, display pushes
     * @return this builder
     */
    public SyncClientBuilder listener(SyncListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * @param http a configured OkHttp client (proxy, TLS pinning); timeouts are taken from it
     * @return this builder
     */
    public SyncClientBuilder httpClient(OkHttpClient http) {
        this.http = http;
        return this;
    }

    /**
     * @param timeout connect/read/write timeout of the default HTTP client (default 15 s)
     * @return this builder
     */
    public SyncClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * @param interval time between pull cycles while all is well (default 30 s)
     * @return this builder
     */
    public SyncClientBuilder pullInterval(Duration interval) {
        this.pullInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /**
     * @param base delay after the first failure (default 1 s)
     * @param max longest delay (default 5 min)
     * @return this builder
     */
    public SyncClientBuilder backoff(Duration base, Duration max) {
        this.backoffBase = Objects.requireNonNull(base, "base");
        this.backoffMax = Objects.requireNonNull(max, "max");
        return this;
    }

    /**
     * @param random uniform values in [0, 1) for jitter (inject a fixed one in tests)
     * @return this builder
     */
    public SyncClientBuilder random(DoubleSupplier random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * @param failures consecutive failed or slow requests before OFFLINE (default 2)
     * @param slowThreshold a response slower than this counts as failed (default 3 s)
     * @return this builder
     */
    public SyncClientBuilder offlineDetection(int failures, Duration slowThreshold) {
        this.failuresToOffline = failures;
        this.slowThreshold = Objects.requireNonNull(slowThreshold, "slowThreshold");
        return this;
    }

    /**
     * @param size entries per upload request (default 500)
     * @param maxBatches requests per cycle (default 20)
     * @return this builder
     */
    public SyncClientBuilder entryBatches(int size, int maxBatches) {
        this.batchSize = size;
        this.maxBatchesPerCycle = maxBatches;
        return this;
    }

    /**
     * @param size items asked per pull page (default 1000)
     * @param maxPages pages per kind per cycle (default 50)
     * @return this builder
     */
    public SyncClientBuilder pullPages(int size, int maxPages) {
        this.pageSize = size;
        this.maxPagesPerCycle = maxPages;
        return this;
    }

    /**
     * @param capacity readings kept while offline (default 10,000; oldest dropped first)
     * @return this builder
     */
    public SyncClientBuilder telemetryCapacity(int capacity) {
        this.telemetryCapacity = capacity;
        return this;
    }

    /**
     * @param enabled whether to open the server-sent-events stream (default true)
     * @return this builder
     */
    public SyncClientBuilder push(boolean enabled) {
        this.pushEnabled = enabled;
        return this;
    }

    /**
     * @param executor a single-threaded scheduler to run sync on (default: an own daemon thread)
     * @return this builder
     */
    public SyncClientBuilder executor(ScheduledExecutorService executor) {
        this.executor = executor;
        return this;
    }

    /**
     * @param file JSON-lines file where over-use conflicts are kept across restarts (default: memory only)
     * @return this builder
     */
    public SyncClientBuilder conflictFile(Path file) {
        this.conflictFile = file;
        return this;
    }

    /** @return the client (not started) */
    public SyncClient build() {
        Objects.requireNonNull(state, "state sink is required");
        return new SyncClient(this);
    }

    OkHttpClient http() {
        if (http != null) {
            return http;
        }
        return new OkHttpClient.Builder()
                .connectTimeout(requestTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .retryOnConnectionFailure(true)
                .build();
    }
}
