package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.document.MrzCheck;
import io.scenicpass.terminal.document.MrzDocument;
import io.scenicpass.terminal.document.MrzParser;
import io.scenicpass.terminal.internal.device.serial.LineFramer;
import io.scenicpass.terminal.internal.device.serial.SerialChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line-oriented MRZ/OCR reader (passport and ID-card swipe or page readers in serial mode): each MRZ
 * line arrives as text followed by a terminator. Lines are collected until they form a TD1 (3×30), TD2/MRV-B
 * (2×36) or TD3/MRV-A (2×44) zone, which is parsed and checked (ICAO 9303). A valid zone becomes a
 * {@link CredentialKind#PASSPORT} credential whose text is the document number; an invalid one is
 * reported as unreadable with the failing checks.
 */
public final class SerialMrzReader extends SerialDeviceBase implements CredentialReader {
    private final LineFramer framer;
    private final MrzParser parser;
    private final List<String> lines = new ArrayList<>();
    private volatile CredentialListener listener;
    private long idleReads;

    private SerialMrzReader(Builder b) {
        super(b.deviceId, b.clock, b.settings);
        this.framer = new LineFramer(b.terminator.getBytes(StandardCharsets.UTF_8), "", "", 64, b.partialTimeout);
        this.parser = b.parser;
    }

    /** A builder for a reader on the given port. */
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
        lines.clear();
        byte[] buf = new byte[256];
        LineFramer.Sink sink = new LineFramer.Sink() {
            @Override
            public void onLine(String line, byte[] raw) {
                onMrzLine(line);
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {
                lines.clear();
                reportFault(code, message, true);
            }
        };
        while (running()) {
            int n = channel.read(buf);
            if (n > 0) {
                framer.feed(buf, n, clock.instant(), sink);
            } else {
                framer.idle(clock.instant(), sink);
                if (n == 0 && !lines.isEmpty() && framerIdleLongEnough()) {
                    reportFault(DeviceFaultCode.MALFORMED_FRAME, "incomplete MRZ (" + lines.size() + " line(s))", true);
                    lines.clear();
                }
            }
        }
    }

    private boolean framerIdleLongEnough() {
        // an incomplete zone is dropped after ten idle read timeouts
        return ++idleReads >= 10;
    }

    private void onMrzLine(String line) {
        idleReads = 0;
        int len = line.length();
        if (len != 30 && len != 36 && len != 44) {
            lines.clear();
            reportFault(DeviceFaultCode.MALFORMED_FRAME, "line of " + len + " characters is not an MRZ line", true);
            return;
        }
        if (!lines.isEmpty() && lines.get(0).length() != len) {
            lines.clear();
        }
        lines.add(line);
        boolean complete = (len == 30 && lines.size() == 3) || (len != 30 && lines.size() == 2);
        if (!complete) {
            return;
        }
        List<String> zone = new ArrayList<>(lines);
        lines.clear();
        MrzDocument doc = parser.parse(zone);
        CredentialListener l = listener;
        if (!doc.isValid()) {
            StringBuilder why = new StringBuilder("MRZ_INVALID:");
            for (MrzCheck c : doc.failingChecks()) {
                why.append(' ').append(c.id());
            }
            reportFault(DeviceFaultCode.UNREADABLE_CREDENTIAL, why.toString(), true);
            if (l != null) {
                safely(() -> l.onUnreadable(deviceId(), CredentialKind.PASSPORT, why.toString()));
            }
            return;
        }
        reportOk();
        ScannedCredential c = ScannedCredential.builder()
                .kind(CredentialKind.PASSPORT)
                .text(doc.documentNumber())
                .mrz(doc)
                .readerId(deviceId())
                .readAt(clock.instant())
                .build();
        if (l != null) {
            safely(() -> l.onCredential(c));
        }
    }

    /** Builder for {@link SerialMrzReader}. */
    public static final class Builder {
        private final String deviceId;
        private final SerialSettings settings;
        private Clock clock = Clock.systemUTC();
        private String terminator = "\r";
        private Duration partialTimeout = Duration.ofMillis(500);
        private MrzParser parser = MrzParser.lenient();

        private Builder(String deviceId, SerialSettings settings) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Clock for timestamps. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Line terminator (default CR; LF around it is trimmed). */
        public Builder terminator(String v) {
            this.terminator = Objects.requireNonNull(v);
            return this;
        }

        /** Partial-line timeout (default 500 ms). */
        public Builder partialTimeout(Duration v) {
            this.partialTimeout = Objects.requireNonNull(v);
            return this;
        }

        /** Parser (default lenient about extended document numbers). */
        public Builder parser(MrzParser v) {
            this.parser = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the (not yet started) reader. */
        public SerialMrzReader build() {
            return new SerialMrzReader(this);
        }
    }
}
