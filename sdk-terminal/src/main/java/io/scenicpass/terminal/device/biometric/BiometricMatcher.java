package io.scenicpass.terminal.device.biometric;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Vendor SPI for face and palm-vein matching. A vendor wraps its SDK (on-device 1:N search) behind this
 * interface; ScenicPass never sees raw biometrics beyond the opaque templates.
 * <ul>
 *   <li>{@link #enroll} stores a template and returns a new subject id; the server's manifest links
 *       subject ids to passes ({@code biometricSubjects}).</li>
 *   <li>{@link #match} returns the best match at or above the threshold, or empty (1:N).</li>
 *   <li>{@link #verify} scores a sample against one subject (1:1, a face shown with a pass).</li>
 * </ul>
 * Liveness is the vendor's: a live sample carries its verdict ({@link BiometricTemplate#liveness()}).
 * Implementations must be thread-safe and must not throw for a sample that simply matches nobody.
 */
public interface BiometricMatcher {
    /** The modality this matcher handles. */
    BiometricModality modality();

    /**
     * Enrolls a template.
     *
     * @return the new subject id
     * @throws IllegalArgumentException for a template of another modality or one the vendor rejects
     */
    String enroll(BiometricTemplate template);

    /** Enrolls a template under a subject id chosen by the caller (e.g. synced from the server). */
    void enroll(String subjectId, BiometricTemplate template);

    /** Removes a subject; unknown ids are ignored. */
    void remove(String subjectId);

    /** The best match with {@code score >= threshold}, or empty. */
    Optional<BiometricMatch> match(BiometricTemplate sample, double threshold);

    /**
     * 1:1: the similarity in [0, 1] of a sample to one enrolled subject, empty when the subject is not enrolled.
     * The default asks {@link #match} for the best subject at any score and answers only when it is this one, which
     * never admits a sample closer to someone else; vendors with a 1:1 call should override it.
     */
    default OptionalDouble verify(String subjectId, BiometricTemplate sample) {
        Optional<BiometricMatch> best = match(sample, 0.0);
        return best.isPresent() && best.get().subjectId().equals(subjectId)
                ? OptionalDouble.of(best.get().score())
                : OptionalDouble.empty();
    }
}
