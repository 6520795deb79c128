package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.EnvironmentReading;
import io.scenicpass.terminal.device.EnvironmentSensor;
import java.time.Clock;
import java.util.Optional;

/** A sensor returning values the test sets; unreadable while a fault is injected. */
public final class SimulatedEnvironmentSensor extends SimulatedDevice implements EnvironmentSensor {
    private volatile double temperature = 20.0;
    private volatile double humidity = 50.0;
    private volatile Double gas;
    private volatile Double oxygen;

    /** Creates the sensor. */
    public SimulatedEnvironmentSensor(String deviceId, Clock clock) {
        super(deviceId, clock);
    }

    /** Sets the values; gas and oxygen may be null (not measured). */
    public void set(double temperatureCelsius, double relativeHumidity, Double gasPpm, Double oxygenPercent) {
        this.temperature = temperatureCelsius;
        this.humidity = relativeHumidity;
        this.gas = gasPpm;
        this.oxygen = oxygenPercent;
    }

    @Override
    public Optional<EnvironmentReading> read() {
        if (!started() || health().faulty()) {
            return Optional.empty();
        }
        return Optional.of(new EnvironmentReading(deviceId(), clock.instant(), temperature, humidity, gas, oxygen));
    }
}
