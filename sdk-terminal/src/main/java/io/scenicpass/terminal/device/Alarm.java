package io.scenicpass.terminal.device;

import java.time.Instant;
import java.util.Objects;

/** An alarm raised by a device. */
public final class Alarm {
    private final String deviceId;
    private final AlarmType type;
    private final Instant at;
    private final String detail;

    /** Creates an alarm. */
    public Alarm(String deviceId, AlarmType type, Instant at, String detail) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.type = Objects.requireNonNull(type, "type");
        this.at = Objects.requireNonNull(at, "at");
        this.detail = detail == null ? "" : detail;
    }

    /** The device that raised it. */
    public String deviceId() {
        return deviceId;
    }

    /** What happened. */
    public AlarmType type() {
        return type;
    }

    /** When. */
    public Instant at() {
        return at;
    }

    /** Free-text detail (no personal data). */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return "Alarm{" + type + " at " + deviceId + (detail.isEmpty() ? "" : ": " + detail) + "}";
    }
}
