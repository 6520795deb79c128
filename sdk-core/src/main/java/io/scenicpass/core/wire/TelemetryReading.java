package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/** One sensor reading. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class TelemetryReading {
    private final Instant time;
    private final String deviceId;
    private final String sensor;
    private final TelemetryKind kind;
    private final double value;
    private final String unit;
    private final String detail;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public TelemetryReading(
            @JsonProperty("time") Instant time,
            @JsonProperty("deviceId") String deviceId,
            @JsonProperty("sensor") String sensor,
            @JsonProperty("kind") TelemetryKind kind,
            @JsonProperty("value") double value,
            @JsonProperty("unit") String unit,
            @JsonProperty("detail") String detail) {
        this.time = time;
        this.deviceId = deviceId;
        this.sensor = sensor;
        this.kind = kind;
        this.value = value;
        this.unit = unit;
        this.detail = detail;
    }

    /** Time of the reading. */
    public Instant time() {
        return time;
    }

    /** Device id. */
    public String deviceId() {
        return deviceId;
    }

    /** Sensor id. */
    public String sensor() {
        return sensor;
    }

    /** What is measured. */
    public TelemetryKind kind() {
        return kind;
    }

    /** Value. */
    public double value() {
        return value;
    }

    /** Unit. */
    public String unit() {
        return unit;
    }

    /** Detail, may be null. */
    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TelemetryReading)) {
            return false;
        }
        TelemetryReading x = (TelemetryReading) o;
        return Objects.equals(time, x.time)
                && Objects.equals(deviceId, x.deviceId)
                && Objects.equals(sensor, x.sensor)
                && Objects.equals(kind, x.kind)
                && Double.compare(value, x.value) == 0
                && Objects.equals(unit, x.unit)
                && Objects.equals(detail, x.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, deviceId, sensor, kind, value, unit, detail);
    }

    @Override
    public String toString() {
        return "TelemetryReading{" + "time=" + time + ", " + "deviceId=" + deviceId + ", " + "sensor=" + sensor + ", "
                + "kind=" + kind + ", " + "value=" + value + ", " + "unit=" + unit + ", " + "detail=" + detail + "}";
    }
}
