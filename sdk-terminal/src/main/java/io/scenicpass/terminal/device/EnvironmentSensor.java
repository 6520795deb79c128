package io.scenicpass.terminal.device;

import java.util.Optional;

/** Temperature/humidity sensor, optionally with gas and oxygen. Polled by the lane. */
public interface EnvironmentSensor extends Device {
    /**
     * Reads the sensor now. Never throws: returns empty when the sensor cannot be read (the reason is in
     * {@link #health()}).
     */
    Optional<EnvironmentReading> read();
}
