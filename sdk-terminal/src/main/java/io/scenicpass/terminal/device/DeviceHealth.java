package io.scenicpass.terminal.device;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a device's health: whether it is connected, whether its last interaction failed
 * ({@link #faulty()}), the last error seen (kept after recovery, for diagnostics), and how many faults
 * occurred since start. Immutable.
 */
public final class DeviceHealth {
    private final boolean connected;
    private final boolean faulty;
    private final DeviceFault lastError;
    private final long faultCount;
    private final Instant since;

    /** Creates a snapshot. */
    public DeviceHealth(boolean connected, boolean faulty, DeviceFault lastError, long faultCount, Instant since) {
        this.connected = connected;
        this.faulty = faulty;
        this.lastError = lastError;
        this.faultCount = faultCount;
        this.since = since;
    }

    /** A device that has not been started yet: not connected, not faulty. */
    public static DeviceHealth notStarted(Instant now) {
        return new DeviceHealth(false, false, null, 0, now);
    }

    /** True when the device is reachable (port open, reader attached). */
    public boolean connected() {
        return connected;
    }

    /** True when the device is disconnected or its last interaction failed. */
    public boolean faulty() {
        return faulty;
    }

    /** True when connected and not faulty. */
    public boolean ok() {
        return connected && !faulty;
    }

    /** The last fault seen, if any (still reported after the device recovered). */
    public Optional<DeviceFault> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Number of faults since the device started. */
    public long faultCount() {
        return faultCount;
    }

    /** When the current state (connected/faulty) began. */
    public Instant since() {
        return since;
    }

    /** This snapshot after a successful interaction. */
    public DeviceHealth recovered(Instant now) {
        if (connected && !faulty) {
            return this;
        }
        return new DeviceHealth(true, false, lastError, faultCount, now);
    }

    /** This snapshot after a fault; {@code stillConnected} false for connection losses. */
    public DeviceHealth withFault(DeviceFault fault, boolean stillConnected) {
        return new DeviceHealth(stillConnected, true, fault, faultCount + 1, fault.at());
    }

    @Override
    public String toString() {
        return "DeviceHealth{" + (connected ? "connected" : "disconnected") + (faulty ? ", faulty" : ", ok")
                + ", faults=" + faultCount + (lastError == null ? "" : ", last=" + lastError) + "}";
    }
}
