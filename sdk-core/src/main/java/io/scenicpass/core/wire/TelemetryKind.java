package io.scenicpass.core.wire;

/** What a telemetry reading measures. */
public enum TelemetryKind {
    /** Temperature. */
    TEMPERATURE,
    /** Humidity. */
    HUMIDITY,
    /** Gas concentration. */
    GAS,
    /** Oxygen. */
    OXYGEN,
    /** People counted in. */
    PEOPLE_IN,
    /** People counted out. */
    PEOPLE_OUT,
    /** Device health. */
    DEVICE_HEALTH
}
