package io.scenicpass.terminal.device;

import io.scenicpass.terminal.internal.device.DeviceWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Convenience base for drivers: keeps the {@link DeviceHealth}, notifies the health listener on changes
 * and shields the driver from listeners that throw. Thread-safe.
 *
 * <p>A driver with a thread of its own uses the worker constructor and overrides {@link #workOnce()}:
 * {@link #start()} runs it again and again on a daemon thread, {@link #close()} ends the thread, calls
 * {@link #onStopped()} and reports the device disconnected. Drivers without a thread implement
 * {@code start()} and {@code close()} themselves.
 */
public abstract class AbstractDevice implements Device {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractDevice.class);

    private final String deviceId;
    /** The clock used for timestamps. */
    protected final Clock clock;

    private final Object healthLock = new Object();
    private DeviceHealth health;
    private volatile DeviceHealthListener healthListener;
    private final DeviceWorker worker;

    /** Creates the base of a driver without a thread, with a device id and the clock used for timestamps. */
    protected AbstractDevice(String deviceId, Clock clock) {
        this(deviceId, clock, null, null);
    }

    /**
     * Creates the base of a driver with a worker thread.
     *
     * @param threadName  name of the daemon thread that runs {@link #workOnce()}
     * @param stopTimeout how long {@link #close()} waits for the current round to return
     */
    protected AbstractDevice(String deviceId, Clock clock, String threadName, Duration stopTimeout) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = DeviceHealth.notStarted(clock.instant());
        this.worker = threadName == null ? null : new DeviceWorker(threadName, this::workLoop, stopTimeout);
    }

    /** Starts the worker thread (drivers with a worker; others override). Does nothing when started. */
    @Override
    public void start() {
        requireWorker().start();
    }

    /**
     * Stops the worker thread, then {@link #onStopped()} and a disconnected health (drivers with a worker;
     * others override). Does nothing when not running.
     */
    @Override
    public void close() {
        if (requireWorker().stop()) {
            onStopped();
            reportDisconnected();
        }
    }

    /**
     * One round of the worker loop, run on the worker thread while {@link #running()}; it should check
     * {@link #running()} in any wait of its own and use {@link #pauseFor(Duration)} to sleep.
     */
    protected void workOnce() {
        throw new UnsupportedOperationException("a driver with a worker thread overrides workOnce()");
    }

    /** Called by {@link #close()} after the worker thread ended, to release the connection. */
    protected void onStopped() {}

    /** @return true from {@link #start()} until {@link #close()} (drivers with a worker) */
    protected final boolean running() {
        return requireWorker().running();
    }

    /** Waits for {@code d} or until {@link #close()}, whichever comes first (worker thread only). */
    protected final void pauseFor(Duration d) {
        requireWorker().pause(d);
    }

    private void workLoop() {
        while (worker.running()) {
            workOnce();
        }
    }

    private DeviceWorker requireWorker() {
        if (worker == null) {
            throw new IllegalStateException("device " + deviceId + " has no worker thread");
        }
        return worker;
    }

    @Override
    public final String deviceId() {
        return deviceId;
    }

    @Override
    public final DeviceHealth health() {
        synchronized (healthLock) {
            return health;
        }
    }

    @Override
    public final void setHealthListener(DeviceHealthListener listener) {
        this.healthListener = listener;
    }

    /** Records a successful interaction (connected, not faulty). */
    protected final void reportOk() {
        DeviceHealth next;
        synchronized (healthLock) {
            next = health.recovered(clock.instant());
            if (next == health) {
                return;
            }
            health = next;
        }
        notifyHealth(next);
    }

    /** Records a fault. {@code stillConnected} is false when the connection itself was lost. */
    protected final void reportFault(DeviceFaultCode code, String message, boolean stillConnected) {
        DeviceHealth next;
        synchronized (healthLock) {
            if (health.faulty()
                    && health.connected() == stillConnected
                    && health.lastError().isPresent()
                    && health.lastError().get().code() == code
                    && !stillConnected) {
                return; // the same outage reported again by a retry loop: not a new fault
            }
            boolean repeat = health.faulty()
                    && health.lastError().isPresent()
                    && health.lastError().get().code() == code;
            next = health.withFault(new DeviceFault(code, message, clock.instant()), stillConnected);
            health = next;
            if (repeat) {
                LOG.debug("device {}: {} {} (again)", deviceId, code, message);
            } else {
                LOG.warn("device {}: {} {}", deviceId, code, message);
            }
        }
        notifyHealth(next);
    }

    /** Records that the device is not connected without counting a fault (e.g. after close). */
    protected final void reportDisconnected() {
        DeviceHealth next;
        synchronized (healthLock) {
            next = new DeviceHealth(
                    false, false, health.lastError().orElse(null), health.faultCount(), clock.instant());
            health = next;
        }
        notifyHealth(next);
    }

    /** Runs a listener callback, recording {@link DeviceFaultCode#LISTENER_FAILED} if it throws. */
    protected final void safely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("device {}: listener failed", deviceId, e);
            synchronized (healthLock) {
                health = new DeviceHealth(
                        health.connected(),
                        health.faulty(),
                        new DeviceFault(
                                DeviceFaultCode.LISTENER_FAILED, e.getClass().getSimpleName(), clock.instant()),
                        health.faultCount() + 1,
                        health.since());
            }
        }
    }

    private void notifyHealth(DeviceHealth h) {
        DeviceHealthListener l = healthListener;
        if (l != null) {
            try {
                l.onHealthChanged(deviceId, h);
            } catch (RuntimeException e) {
                LOG.error("device {}: health listener failed", deviceId, e);
            }
        }
    }
}
