package io.scenicpass.terminal.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's notion of time: the device clock corrected by an offset learned from the server.
 *
 * <p>The sync client calls {@link #observeServerTime} with the server time of every response; the offset
 * (server minus device, measured at the midpoint of the request) is persisted through a
 * {@link ClockOffsetStore} and survives restarts. On every reading the wall clock is compared with a
 * {@link MonotonicSource}; when they disagree by more than the jump threshold the jump is logged,
 * reported to listeners and folded into the offset so corrected time stays continuous.
 *
 * <p>Thread-safe.
 */
public final class GateClock {
    private static final Logger LOG = LoggerFactory.getLogger(GateClock.class);
    /** Samples with a longer round trip than this are ignored. */
    public static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(30);

    private final Clock device;
    private final MonotonicSource monotonic;
    private final ClockOffsetStore store;
    private final Duration jumpThreshold;
    private final List<ClockJumpListener> listeners = new CopyOnWriteArrayList<>();
    private Duration offset;
    private long lastWallMillis;
    private long lastMonoNanos;
    private long jumps;
    private boolean synced;
    private volatile boolean correcting = true;

    /**
     * @param device the device's wall clock
     * @param monotonic a steady clock to detect wall-clock jumps
     * @param store where the offset is kept across restarts
     * @param jumpThreshold smallest disagreement treated as a jump (for example 2 seconds)
     */
    public GateClock(Clock device, MonotonicSource monotonic, ClockOffsetStore store, Duration jumpThreshold) {
        this.device = Objects.requireNonNull(device, "device");
        this.monotonic = Objects.requireNonNull(monotonic, "monotonic");
        this.store = Objects.requireNonNull(store, "store");
        this.jumpThreshold = Objects.requireNonNull(jumpThreshold, "jumpThreshold");
        Duration saved = store.loadOffset();
        this.offset = saved == null ? Duration.ZERO : saved;
        this.lastWallMillis = device.millis();
        this.lastMonoNanos = monotonic.nanoTime();
    }

    /**
     * A clock that is never corrected (for example a simulated gate running at a fixed time).
     *
     * @param device the clock to use as is
     * @return a gate clock with zero offset that ignores server time
     */
    public static GateClock uncorrected(Clock device) {
        GateClock c = new GateClock(
                device, () -> device.millis() * 1_000_000L, ClockOffsetStore.inMemory(), Duration.ofDays(36500));
        c.correcting = false;
        return c;
    }

    /** @return the raw device time */
    public synchronized Instant deviceNow() {
        checkJump();
        return Instant.ofEpochMilli(lastWallMillis);
    }

    /** @return the corrected time: device time plus the learned offset */
    public synchronized Instant now() {
        checkJump();
        return Instant.ofEpochMilli(lastWallMillis).plus(offset);
    }

    /**
     * Both readings taken at the same instant.
     *
     * @return {@code [device, corrected]}
     */
    public synchronized Instant[] readBoth() {
        checkJump();
        Instant d = Instant.ofEpochMilli(lastWallMillis);
        return new Instant[] {d, d.plus(offset)};
    }

    /** @return the current offset (server minus device) */
    public synchronized Duration offset() {
        return offset;
    }

    /** @return whether an offset was learned from the server since start (or restored from disk) */
    public synchronized boolean isSynced() {
        return synced || !offset.isZero();
    }

    /** @return how many wall-clock jumps were detected since start */
    public synchronized long jumpCount() {
        return jumps;
    }

    /** @param listener told about wall-clock jumps */
    public void addJumpListener(ClockJumpListener listener) {
        listeners.add(listener);
    }

    /**
     * Learns the offset from a server response. Times are the device clock's readings when the request
     * was sent and the response received; the server's time is assumed to be taken midway.
     *
     * @param serverTime the server's time from the response header
     * @param requestSent device time when the request left
     * @param responseReceived device time when the response arrived
     * @return whether the sample was used (samples with a negative or very long round trip are ignored)
     */
    public boolean observeServerTime(Instant serverTime, Instant requestSent, Instant responseReceived) {
        Duration rtt = Duration.between(requestSent, responseReceived);
        if (!correcting) {
            return false;
        }
        if (rtt.isNegative() || rtt.compareTo(MAX_ROUND_TRIP) > 0) {
            LOG.debug("ignoring server time sample with round trip {}", rtt);
            return false;
        }
        Instant mid = requestSent.plus(rtt.dividedBy(2));
        Duration learned = Duration.between(mid, serverTime);
        Duration previous;
        synchronized (this) {
            checkJump();
            previous = offset;
            offset = learned;
            synced = true;
        }
        if (previous.minus(learned).abs().compareTo(Duration.ofSeconds(1)) > 0) {
            LOG.info("clock offset changed from {} to {} (round trip {})", previous, learned, rtt);
        }
        if (!previous.equals(learned)) {
            store.saveOffset(learned);
        }
        return true;
    }

    private void checkJump() {
        long wall = device.millis();
        long mono = monotonic.nanoTime();
        long expected = lastWallMillis + (mono - lastMonoNanos) / 1_000_000L;
        long jumpMillis = wall - expected;
        lastWallMillis = wall;
        lastMonoNanos = mono;
        if (Math.abs(jumpMillis) >= jumpThreshold.toMillis()) {
            Duration jump = Duration.ofMillis(jumpMillis);
            offset = offset.minus(jump);
            jumps++;
            LOG.warn("device clock jumped by {}; corrected offset is now {}", jump, offset);
            store.saveOffset(offset);
            for (ClockJumpListener l : listeners) {
                try {
                    l.clockJumped(jump, offset);
                } catch (RuntimeException e) {
                    LOG.warn("clock jump listener failed: {}", e.toString());
                }
            }
        }
    }

    /** @return a {@link Clock} view of the corrected time, in UTC */
    public Clock asClock() {
        return new Corrected(this, ZoneOffset.UTC);
    }

    private static final class Corrected extends Clock {
        private final GateClock gate;
        private final ZoneId zone;

        Corrected(GateClock gate, ZoneId zone) {
            this.gate = gate;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new Corrected(gate, z);
        }

        @Override
        public Instant instant() {
            return gate.now();
        }
    }
}
