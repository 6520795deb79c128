package io.scenicpass.terminal.device;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/** One reading of an environment sensor. Gas and oxygen are present only on sensors that measure them. */
public final class EnvironmentReading {
    private final String deviceId;
    private final Instant at;
    private final double temperatureCelsius;
    private final double relativeHumidity;
    private final Double gasPpm;
    private final Double oxygenPercent;

    /** Creates a reading; {@code gasPpm} and {@code oxygenPercent} may be null. */
    public EnvironmentReading(
            String deviceId,
            Instant at,
            double temperatureCelsius,
            double relativeHumidity,
            Double gasPpm,
            Double oxygenPercent) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.at = Objects.requireNonNull(at, "at");
        this.temperatureCelsius = temperatureCelsius;
        this.relativeHumidity = relativeHumidity;
        this.gasPpm = gasPpm;
        this.oxygenPercent = oxygenPercent;
    }

    /** The sensor. */
    public String deviceId() {
        return deviceId;
    }

    /** When it was read. */
    public Instant at() {
        return at;
    }

    /** Temperature in °C. */
    public double temperatureCelsius() {
        return temperatureCelsius;
    }

    /** Relative humidity in %. */
    public double relativeHumidity() {
        return relativeHumidity;
    }

    /** Gas concentration in ppm (e.g. CO in caves), if measured. */
    public OptionalDouble gasPpm() {
        return gasPpm == null ? OptionalDouble.empty() : OptionalDouble.of(gasPpm);
    }

    /** Oxygen in % by volume, if measured. */
    public OptionalDouble oxygenPercent() {
        return oxygenPercent == null ? OptionalDouble.empty() : OptionalDouble.of(oxygenPercent);
    }

    @Override
    public String toString() {
        return "EnvironmentReading{" + deviceId + " " + temperatureCelsius + "°C " + relativeHumidity + "%RH"
                + (gasPpm == null ? "" : " gas=" + gasPpm + "ppm")
                + (oxygenPercent == null ? "" : " O2=" + oxygenPercent + "%") + "}";
    }
}
