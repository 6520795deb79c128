package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.Indicator;
import io.scenicpass.terminal.device.IndicatorSignal;
import java.time.Clock;

/** An indicator that remembers its signal. */
public final class SimulatedIndicator extends SimulatedDevice implements Indicator {
    private volatile IndicatorSignal signal = IndicatorSignal.IDLE;

    /** Creates the indicator. */
    public SimulatedIndicator(String deviceId, Clock clock) {
        super(deviceId, clock);
    }

    @Override
    public void signal(IndicatorSignal signal) {
        this.signal = signal;
    }

    /** The current signal. */
    public IndicatorSignal current() {
        return signal;
    }
}
