package io.scenicpass.terminal.device;

import java.time.Instant;
import java.util.Objects;

/** One device error: a code, a short message without personal data, and when it happened. */
public final class DeviceFault {
    private final DeviceFaultCode code;
    private final String message;
    private final Instant at;

    /** Creates a fault record. */
    public DeviceFault(DeviceFaultCode code, String message, Instant at) {
        this.code = Objects.requireNonNull(code, "code");
        this.message = message == null ? code.name() : message;
        this.at = Objects.requireNonNull(at, "at");
    }

    /** The fault code. */
    public DeviceFaultCode code() {
        return code;
    }

    /** A short message (no personal data). */
    public String message() {
        return message;
    }

    /** When the fault was seen. */
    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return code + ": " + message + " @" + at;
    }
}
