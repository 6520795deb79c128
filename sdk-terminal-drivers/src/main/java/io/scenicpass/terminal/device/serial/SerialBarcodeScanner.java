package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.internal.device.serial.LineFramer;
import io.scenicpass.terminal.internal.device.serial.SerialChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A QR/barcode scanner in serial (RS-232 / USB-CDC) mode: each scan arrives as text followed by a
 * terminator. Partial frames are reassembled; garbage, over-long frames and partial frames that never
 * complete are reported as device faults and dropped; an unplugged scanner is reopened when it returns.
 *
 * <pre>{@code
 * SerialBarcodeScanner scanner = SerialBarcodeScanner.builder("lane1-qr", SerialSettings.forPort("/dev/ttyACM0").build())
 *     .terminator("\r").build();
 * scanner.setCredentialListener(credential -> ...);
 * scanner.start();
 * }</pre>
 */
public final class SerialBarcodeScanner extends SerialDeviceBase implements CredentialReader {
    private final LineFramer framer;
    private volatile CredentialListener listener;

    private SerialBarcodeScanner(Builder b) {
        super(b.deviceId, b.clock, b.settings);
        this.framer = new LineFramer(
                b.terminator.getBytes(StandardCharsets.UTF_8), b.prefix, b.suffix, b.maxLength, b.partialTimeout);
    }

    /** A builder for a scanner on the given port. */
    public static Builder builder(String deviceId, SerialSettings settings) {
        return new Builder(deviceId, settings);
    }

    @Override
    public void setCredentialListener(CredentialListener listener) {
        this.listener = listener;
    }

    @Override
    protected void session(SerialChannel channel) throws IOException {
        framer.reset();
        byte[] buf = new byte[512];
        LineFramer.Sink sink = new LineFramer.Sink() {
            @Override
            public void onLine(String line, byte[] raw) {
                reportOk();
                ScannedCredential c = ScannedCredential.builder()
                        .kind(CredentialKind.QR)
                        .text(line)
                        .raw(raw)
                        .readerId(deviceId())
                        .readAt(clock.instant())
                        .build();
                CredentialListener l = listener;
                if (l != null) {
                    safely(() -> l.onCredential(c));
                }
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {
                reportFault(code, message, true);
            }
        };
        while (running()) {
            int n = channel.read(buf);
            if (n > 0) {
                framer.feed(buf, n, clock.instant(), sink);
            } else {
                framer.idle(clock.instant(), sink);
            }
        }
    }

    /** Builder for {@link SerialBarcodeScanner}. */
    public static final class Builder {
        private final String deviceId;
        private final SerialSettings settings;
        private Clock clock = Clock.systemUTC();
        private String terminator = "\r";
        private String prefix = "";
        private String suffix = "";
        private int maxLength = 4096;
        private Duration partialTimeout = Duration.ofMillis(500);

        private Builder(String deviceId, SerialSettings settings) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Clock for timestamps and the partial-frame timeout. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Frame terminator sent after each scan (default CR); leading/trailing whitespace is trimmed. */
        public Builder terminator(String v) {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("terminator must not be empty");
            }
            this.terminator = v;
            return this;
        }

        /** Prefix the scanner adds (e.g. an AIM identifier {@code ]Q1}); stripped when present. */
        public Builder prefix(String v) {
            this.prefix = v == null ? "" : v;
            return this;
        }

        /** Suffix the scanner adds before the terminator; stripped when present. */
        public Builder suffix(String v) {
            this.suffix = v == null ? "" : v;
            return this;
        }

        /** Longest accepted frame in bytes (default 4096). */
        public Builder maxLength(int v) {
            this.maxLength = v;
            return this;
        }

        /** A partial frame older than this is dropped as truncated (default 500 ms). */
        public Builder partialTimeout(Duration v) {
            this.partialTimeout = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the (not yet started) scanner. */
        public SerialBarcodeScanner build() {
            return new SerialBarcodeScanner(this);
        }
    }
}
