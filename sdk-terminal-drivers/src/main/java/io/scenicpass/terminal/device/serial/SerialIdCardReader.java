package io.scenicpass.terminal.device.serial;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.document.DocumentException;
import io.scenicpass.terminal.document.IdCardInfo;
import io.scenicpass.terminal.document.IdCardText;
import io.scenicpass.terminal.internal.device.serial.IdCardFrames;
import io.scenicpass.terminal.internal.device.serial.SerialChannel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Chinese second-generation ID card reader speaking the GA/T 467-style SAM protocol over a serial port
 * (115200 8N1 on most readers). Polls: find card ({@code 20 01}) → select card ({@code 20 02}) → read
 * base info ({@code 30 01}); the response data is text length (2 bytes, big-endian), photo length
 * (2 bytes), the 256-byte UCS-2LE text block and the photo (usually 1024 bytes), passed through untouched.
 * The ID number is validated (GB 11643); a card that fails is reported as unreadable. The same card is
 * not reported again within the repeat-suppression window while it stays on the reader.
 */
public final class SerialIdCardReader extends SerialDeviceBase implements CredentialReader {
    private static final int SW3_OK = 0x90;
    private static final int SW3_FOUND = 0x9F;
    private static final int SW3_NO_CARD = 0x80;

    private final Duration pollInterval;
    private final Duration responseTimeout;
    private final Duration repeatSuppression;
    private final ZoneId zone;
    private final IdCardFrames.Decoder decoder = new IdCardFrames.Decoder();
    private volatile CredentialListener listener;
    private String lastNumber;
    private Instant lastReadAt;

    private SerialIdCardReader(Builder b) {
        super(b.deviceId, b.clock, b.settings);
        this.pollInterval = b.pollInterval;
        this.responseTimeout = b.responseTimeout;
        this.repeatSuppression = b.repeatSuppression;
        this.zone = b.zone;
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
    protected void session(SerialChannel ch) throws IOException {
        decoder.reset();
        while (running()) {
            IdCardFrames.Response found = transact(ch, 0x20, 0x01);
            if (found == null) {
                pauseFor(pollInterval);
                continue;
            }
            if (found.sw3() == SW3_NO_CARD) {
                reportOk();
                lastNumber = null;
                pauseFor(pollInterval);
                continue;
            }
            if (found.sw3() != SW3_FOUND) {
                reportFault(DeviceFaultCode.DEVICE_ERROR, "find card: status " + hex(found.sw3()), true);
                pauseFor(pollInterval);
                continue;
            }
            IdCardFrames.Response selected = transact(ch, 0x20, 0x02);
            if (selected == null || selected.sw3() != SW3_OK) {
                if (selected != null) {
                    reportFault(DeviceFaultCode.DEVICE_ERROR, "select card: status " + hex(selected.sw3()), true);
                }
                pauseFor(pollInterval);
                continue;
            }
            IdCardFrames.Response read = transact(ch, 0x30, 0x01);
            if (read == null) {
                pauseFor(pollInterval);
                continue;
            }
            if (read.sw3() != SW3_OK) {
                reportFault(DeviceFaultCode.DEVICE_ERROR, "read base info: status " + hex(read.sw3()), true);
                pauseFor(pollInterval);
                continue;
            }
            deliver(read.data());
            pauseFor(pollInterval);
        }
    }

    private void deliver(byte[] data) {
        if (data.length < 4) {
            reportFault(DeviceFaultCode.MALFORMED_FRAME, "base info shorter than its length header", true);
            return;
        }
        int textLen = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int photoLen = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        if (4 + textLen + photoLen != data.length || textLen != IdCardText.TEXT_LENGTH) {
            reportFault(
                    DeviceFaultCode.MALFORMED_FRAME,
                    "base info lengths " + textLen + "+" + photoLen + " do not match " + (data.length - 4)
                            + " data bytes",
                    true);
            return;
        }
        reportOk();
        byte[] text = Arrays.copyOfRange(data, 4, 4 + textLen);
        byte[] photo = Arrays.copyOfRange(data, 4 + textLen, data.length);
        Instant now = clock.instant();
        IdCardInfo info;
        try {
            info = IdCardText.parse(text, photo, LocalDate.ofInstant(now, zone));
        } catch (DocumentException e) {
            reportFault(DeviceFaultCode.UNREADABLE_CREDENTIAL, e.code().name(), true);
            CredentialListener l = listener;
            if (l != null) {
                safely(() -> l.onUnreadable(
                        deviceId(), CredentialKind.ID_CARD, e.code().name()));
            }
            return;
        }
        String number = info.idNumber().number();
        if (number.equals(lastNumber)
                && lastReadAt != null
                && Duration.between(lastReadAt, now).compareTo(repeatSuppression) < 0) {
            return;
        }
        lastNumber = number;
        lastReadAt = now;
        ScannedCredential c = ScannedCredential.builder()
                .kind(CredentialKind.ID_CARD)
                .text(number)
                .idCard(info)
                .readerId(deviceId())
                .readAt(now)
                .build();
        CredentialListener l = listener;
        if (l != null) {
            safely(() -> l.onCredential(c));
        }
    }

    /** Sends a command and waits for one good response; null (after reporting the fault) otherwise. */
    private IdCardFrames.Response transact(SerialChannel ch, int cmd, int para) throws IOException {
        ch.drainInput();
        decoder.reset();
        ch.write(IdCardFrames.command(cmd, para));
        List<IdCardFrames.Response> got = new ArrayList<>(1);
        List<String> errors = new ArrayList<>(1);
        DeviceFaultCode[] errorCode = new DeviceFaultCode[1];
        IdCardFrames.Sink sink = new IdCardFrames.Sink() {
            @Override
            public void onResponse(IdCardFrames.Response r) {
                got.add(r);
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {
                if (errorCode[0] == null || code == DeviceFaultCode.BAD_CHECKSUM) {
                    errorCode[0] = code;
                }
                errors.add(message);
            }
        };
        byte[] buf = new byte[2048];
        long deadline = System.nanoTime() + responseTimeout.toNanos();
        while (got.isEmpty() && running() && errorCode[0] != DeviceFaultCode.BAD_CHECKSUM) {
            if (System.nanoTime() > deadline) {
                break;
            }
            int n = ch.read(buf);
            if (n > 0) {
                decoder.feed(buf, n, sink);
            }
        }
        if (!got.isEmpty()) {
            if (errorCode[0] != null) {
                reportFault(errorCode[0], String.join("; ", errors), true);
            }
            return got.get(0);
        }
        if (!running()) {
            return null;
        }
        if (errorCode[0] != null) {
            reportFault(errorCode[0], String.join("; ", errors), true);
        } else if (decoder.pending() > 0) {
            reportFault(DeviceFaultCode.MALFORMED_FRAME, "truncated response (" + decoder.pending() + " bytes)", true);
        } else {
            reportFault(DeviceFaultCode.TIMEOUT, "no response to " + hex(cmd) + " " + hex(para), true);
        }
        return null;
    }

    private static String hex(int b) {
        return String.format("%02X", b & 0xFF);
    }

    /** Builder for {@link SerialIdCardReader}. */
    public static final class Builder {
        private final String deviceId;
        private final SerialSettings settings;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private Duration pollInterval = Duration.ofMillis(300);
        private Duration responseTimeout = Duration.ofSeconds(2);
        private Duration repeatSuppression = Duration.ofSeconds(3);

        private Builder(String deviceId, SerialSettings settings) {
            this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Clock for timestamps and the ID number's "birth date not in the future" check. */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v);
            return this;
        }

        /** Time zone of the card dates (default Asia/Shanghai). */
        public Builder zone(ZoneId v) {
            this.zone = Objects.requireNonNull(v);
            return this;
        }

        /** Pause between find-card polls (default 300 ms). */
        public Builder pollInterval(Duration v) {
            this.pollInterval = Objects.requireNonNull(v);
            return this;
        }

        /** How long to wait for a response (default 2 s; reading base info takes about 1 s on real readers). */
        public Builder responseTimeout(Duration v) {
            this.responseTimeout = Objects.requireNonNull(v);
            return this;
        }

        /** The same card is not reported again within this window (default 3 s). */
        public Builder repeatSuppression(Duration v) {
            this.repeatSuppression = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the (not yet started) reader. */
        public SerialIdCardReader build() {
            return new SerialIdCardReader(this);
        }
    }
}
