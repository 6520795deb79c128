package io.scenicpass.terminal.device;

import java.time.Instant;
import java.util.Objects;

/** One person passed through a turnstile. */
public final class Passage {
    private final String deviceId;
    private final Instant at;
    private final boolean authorised;

    /** Creates a passage event. */
    public Passage(String deviceId, Instant at, boolean authorised) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.at = Objects.requireNonNull(at, "at");
        this.authorised = authorised;
    }

    /** The turnstile. */
    public String deviceId() {
        return deviceId;
    }

    /** When the passage sensor fired. */
    public Instant at() {
        return at;
    }

    /** True if the passage used one of the released passages; false for a forced or tailgating passage. */
    public boolean authorised() {
        return authorised;
    }

    @Override
    public String toString() {
        return "Passage{" + deviceId + (authorised ? "" : ", UNAUTHORISED") + " @" + at + "}";
    }
}
