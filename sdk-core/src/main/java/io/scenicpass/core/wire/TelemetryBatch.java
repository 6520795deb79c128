package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Telemetry uploaded by a device. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class TelemetryBatch {
    private final String deviceId;
    private final List<TelemetryReading> readings;

    /** All fields; null lists and maps become empty. */
    @JsonCreator
    public TelemetryBatch(
            @JsonProperty("deviceId") String deviceId, @JsonProperty("readings") List<TelemetryReading> readings) {
        this.deviceId = deviceId;
        this.readings =
                readings == null ? Collections.emptyList() : Collections.unmodifiableList(new ArrayList<>(readings));
    }

    /** Device id. */
    public String deviceId() {
        return deviceId;
    }

    /** Readings. */
    public List<TelemetryReading> readings() {
        return readings;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TelemetryBatch)) {
            return false;
        }
        TelemetryBatch x = (TelemetryBatch) o;
        return Objects.equals(deviceId, x.deviceId) && Objects.equals(readings, x.readings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, readings);
    }

    @Override
    public String toString() {
        return "TelemetryBatch{" + "deviceId=" + deviceId + ", " + "readings=" + readings + "}";
    }
}
