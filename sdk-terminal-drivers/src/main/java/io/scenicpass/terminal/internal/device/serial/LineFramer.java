package io.scenicpass.terminal.internal.device.serial;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Splits a byte stream into text lines ended by a terminator sequence; strips an optional prefix and
 * suffix; rejects lines with control characters or invalid UTF-8 (garbage), lines longer than the
 * maximum, and partial lines left without a terminator for longer than the partial-frame timeout.
 */
public final class LineFramer {
    /** Receives decoded lines and framing errors. */
    public interface Sink {
        /** A complete, clean line (prefix/suffix stripped, surrounding whitespace trimmed, not empty). */
        void onLine(String line, byte[] raw);

        /** A rejected frame. */
        void onError(DeviceFaultCode code, String message);
    }

    private final byte[] terminator;
    private final String prefix;
    private final String suffix;
    private final int maxLength;
    private final Duration partialTimeout;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private boolean overflow;
    private Instant lastByteAt;

    /** Creates a framer. */
    public LineFramer(byte[] terminator, String prefix, String suffix, int maxLength, Duration partialTimeout) {
        if (terminator.length == 0) {
            throw new IllegalArgumentException("terminator must not be empty");
        }
        this.terminator = terminator.clone();
        this.prefix = prefix == null ? "" : prefix;
        this.suffix = suffix == null ? "" : suffix;
        this.maxLength = maxLength;
        this.partialTimeout = partialTimeout;
    }

    /** Forgets any partial line (after a reconnect). */
    public void reset() {
        buf.reset();
        overflow = false;
        lastByteAt = null;
    }

    /** Feeds bytes received at {@code now}. */
    public void feed(byte[] data, int len, Instant now, Sink sink) {
        for (int i = 0; i < len; i++) {
            if (!overflow) {
                buf.write(data[i]);
            }
            if (endsWithTerminator(data, i)) {
                if (overflow) {
                    sink.onError(DeviceFaultCode.MALFORMED_FRAME, "frame longer than " + maxLength + " bytes");
                } else {
                    byte[] frame = buf.toByteArray();
                    emit(java.util.Arrays.copyOf(frame, frame.length - terminator.length), sink);
                }
                buf.reset();
                overflow = false;
            } else if (!overflow && buf.size() > maxLength + terminator.length) {
                overflow = true;
                buf.reset();
            }
        }
        if (len > 0) {
            lastByteAt = now;
        }
    }

    /** Called when no bytes arrived: drops a partial line older than the partial-frame timeout. */
    public void idle(Instant now, Sink sink) {
        if ((buf.size() > 0 || overflow)
                && lastByteAt != null
                && Duration.between(lastByteAt, now).compareTo(partialTimeout) >= 0) {
            int n = buf.size();
            reset();
            sink.onError(DeviceFaultCode.MALFORMED_FRAME, "partial frame of " + n + " bytes without terminator");
        }
    }

    private boolean endsWithTerminator(byte[] data, int i) {
        // the terminator's last byte must be the current byte and the buffer must end with the terminator
        if (data[i] != terminator[terminator.length - 1]) {
            return false;
        }
        if (overflow) {
            return terminator.length == 1;
        }
        byte[] b = buf.toByteArray();
        if (b.length < terminator.length) {
            return false;
        }
        for (int k = 0; k < terminator.length; k++) {
            if (b[b.length - terminator.length + k] != terminator[k]) {
                return false;
            }
        }
        return true;
    }

    private void emit(byte[] frame, Sink sink) {
        String text;
        try {
            CharsetDecoder dec = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = dec.decode(ByteBuffer.wrap(frame)).toString();
        } catch (CharacterCodingException e) {
            sink.onError(DeviceFaultCode.GARBAGE, "frame is not valid UTF-8");
            return;
        }
        text = text.trim();
        if (text.isEmpty()) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sink.onError(DeviceFaultCode.GARBAGE, "control character 0x" + Integer.toHexString(c) + " in frame");
                return;
            }
        }
        if (!prefix.isEmpty() && text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        }
        if (!suffix.isEmpty() && text.endsWith(suffix)) {
            text = text.substring(0, text.length() - suffix.length());
        }
        text = text.trim();
        if (!text.isEmpty()) {
            sink.onLine(text, frame);
        }
    }
}
