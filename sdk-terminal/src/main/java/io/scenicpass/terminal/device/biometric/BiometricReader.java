package io.scenicpass.terminal.device.biometric;

import io.scenicpass.terminal.device.AbstractDevice;
import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.CredentialReader;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A face or palm terminal as a credential reader: the capture side (camera, palm scanner SDK callback)
 * calls {@link #submit(BiometricTemplate)} with each live sample; the sample is matched against the
 * enrolled subjects and, at or above the threshold, emitted as a {@link CredentialKind#FACE} or
 * {@link CredentialKind#PALM} credential whose text is the subject id. No match is reported as unreadable
 * ({@code NO_MATCH}). A matcher that throws is a device fault.
 */
public final class BiometricReader extends AbstractDevice implements CredentialReader {
    private final BiometricMatcher matcher;
    private final double threshold;
    private volatile CredentialListener listener;
    private volatile boolean started;

    /** Creates a reader over a matcher with a score threshold in [0, 1]. */
    public BiometricReader(String deviceId, Clock clock, BiometricMatcher matcher, double threshold) {
        super(deviceId, clock);
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]");
        }
        this.threshold = threshold;
    }

    @Override
    public void setCredentialListener(CredentialListener listener) {
        this.listener = listener;
    }

    @Override
    public void start() {
        started = true;
        reportOk();
    }

    @Override
    public void close() {
        started = false;
        reportDisconnected();
    }

    /**
     * Matches a live sample and emits the result. Never throws.
     *
     * @return the match, if any
     */
    public Optional<BiometricMatch> submit(BiometricTemplate sample) {
        if (!started) {
            return Optional.empty();
        }
        Optional<BiometricMatch> m;
        try {
            m = matcher.match(sample, threshold);
        } catch (RuntimeException e) {
            reportFault(
                    DeviceFaultCode.DEVICE_ERROR,
                    "matcher failed: " + e.getClass().getSimpleName(),
                    true);
            return Optional.empty();
        }
        reportOk();
        CredentialKind kind = matcher.modality() == BiometricModality.FACE ? CredentialKind.FACE : CredentialKind.PALM;
        CredentialListener l = listener;
        if (!m.isPresent()) {
            if (l != null) {
                safely(() -> l.onUnreadable(deviceId(), kind, "NO_MATCH"));
            }
            return m;
        }
        ScannedCredential c = ScannedCredential.builder()
                .kind(kind)
                .text(m.get().subjectId())
                .score(m.get().score())
                .readerId(deviceId())
                .readAt(clock.instant())
                .build();
        if (l != null) {
            safely(() -> l.onCredential(c));
        }
        return m;
    }
}
