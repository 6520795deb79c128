package io.scenicpass.terminal.device.biometric;

import java.util.Objects;

/** The best match for a sample: the enrolled subject and a similarity score in [0, 1]. */
public final class BiometricMatch {
    private final String subjectId;
    private final double score;

    /** Creates a match. */
    public BiometricMatch(String subjectId, double score) {
        this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be in [0, 1]");
        }
        this.score = score;
    }

    /** The subject id (resolved to passes through the manifest). */
    public String subjectId() {
        return subjectId;
    }

    /** Similarity in [0, 1]; 1 is identical. */
    public double score() {
        return score;
    }

    @Override
    public String toString() {
        return "BiometricMatch{" + subjectId + ", " + score + "}";
    }
}
