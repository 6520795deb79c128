package io.scenicpass.terminal.lane;

import io.scenicpass.core.wire.TelemetryReading;

/**
 * Where the lane sends sensor readings, people counts and device-health changes; typically
 * {@code syncClient::submitTelemetry}. Must not block.
 */
public interface TelemetrySink {
    /** Queues a reading for upload. */
    void submit(TelemetryReading reading);
}
