package io.scenicpass.terminal.internal.device.lane;

import io.scenicpass.core.DocumentType;
import io.scenicpass.core.wire.TelemetryKind;
import io.scenicpass.core.wire.TelemetryReading;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.device.DeviceHealth;
import io.scenicpass.terminal.device.EnvironmentReading;
import io.scenicpass.terminal.device.PeopleCount;
import io.scenicpass.terminal.device.ScannedCredential;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Conversions between device values and the engine's and the wire's types. */
public final class LaneSupport {
    private LaneSupport() {}

    /** The engine credential for what a reader read. */
    public static Credential toEngine(ScannedCredential c) {
        switch (c.kind()) {
            case QR:
                return Credential.qr(c.text());
            case NFC_PASS:
                return Credential.nfc(
                        c.raw().length > 0 ? c.raw() : c.text().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            case CARD_UID:
                return Credential.cardUid(c.text());
            case ID_CARD:
                return c.idCard().isPresent()
                        ? Credential.document(
                                DocumentType.CN_ID, c.text(), c.idCard().get().birthDate())
                        : Credential.idCard(c.text());
            case PASSPORT:
                return c.mrz().isPresent()
                        ? Credential.mrz(
                                c.mrz().get(),
                                c.readAt().atZone(ZoneId.systemDefault()).toLocalDate())
                        : Credential.passport(c.text());
            case FACE:
                return Credential.face(c.text());
            case PALM:
                return Credential.palm(c.text());
            default:
                throw new IllegalArgumentException("unknown credential kind " + c.kind());
        }
    }

    /** Telemetry readings for one environment reading. */
    public static List<TelemetryReading> readings(String terminalId, EnvironmentReading r) {
        List<TelemetryReading> out = new ArrayList<>(4);
        out.add(new TelemetryReading(
                r.at(), terminalId, r.deviceId(), TelemetryKind.TEMPERATURE, r.temperatureCelsius(), "Cel", null));
        out.add(new TelemetryReading(
                r.at(), terminalId, r.deviceId(), TelemetryKind.HUMIDITY, r.relativeHumidity(), "%RH", null));
        if (r.gasPpm().isPresent()) {
            out.add(new TelemetryReading(
                    r.at(),
                    terminalId,
                    r.deviceId(),
                    TelemetryKind.GAS,
                    r.gasPpm().getAsDouble(),
                    "ppm",
                    null));
        }
        if (r.oxygenPercent().isPresent()) {
            out.add(new TelemetryReading(
                    r.at(),
                    terminalId,
                    r.deviceId(),
                    TelemetryKind.OXYGEN,
                    r.oxygenPercent().getAsDouble(),
                    "%",
                    null));
        }
        return out;
    }

    /** Telemetry readings for a people count. */
    public static List<TelemetryReading> readings(String terminalId, PeopleCount c) {
        List<TelemetryReading> out = new ArrayList<>(2);
        out.add(new TelemetryReading(c.at(), terminalId, c.deviceId(), TelemetryKind.PEOPLE_IN, c.in(), "count", null));
        out.add(new TelemetryReading(
                c.at(), terminalId, c.deviceId(), TelemetryKind.PEOPLE_OUT, c.out(), "count", null));
        return out;
    }

    /** A device-health reading: value 1 when ok, 0 otherwise; detail names the last fault. */
    public static TelemetryReading health(String terminalId, String deviceId, DeviceHealth h, Instant at) {
        String detail = (h.connected() ? "connected" : "disconnected")
                + (h.faulty() ? ",faulty" : "")
                + h.lastError().map(f -> "," + f.code()).orElse("");
        return new TelemetryReading(
                at, terminalId, deviceId, TelemetryKind.DEVICE_HEALTH, h.ok() ? 1 : 0, null, detail);
    }
}
