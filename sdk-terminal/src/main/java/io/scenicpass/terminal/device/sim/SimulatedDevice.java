package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.DeviceFaultCode;
import java.time.Clock;

/** Base of the simulated devices: healthy once started; faults can be injected. */
public abstract class SimulatedDevice extends AbstractDevice {
    private volatile boolean started;

    /** Creates the device. */
    protected SimulatedDevice(String deviceId, Clock clock) {
        super(deviceId, clock);
    }

    @Override
    public void start() {
        started = true;
        reportOk();
    }

    @Override
    public void close() {
        started = false;
        reportDisconnected();
    }

    /** True between {@link #start()} and {@link #close()}. */
    public boolean started() {
        return started;
    }

    /** Injects a fault (e.g. {@code DISCONNECTED} with {@code connected=false} to simulate unplugging). */
    public void simulateFault(DeviceFaultCode code, String message, boolean connected) {
        reportFault(code, message, connected);
    }

    /** Ends an injected fault. */
    public void simulateRecovery() {
        reportOk();
    }
}
