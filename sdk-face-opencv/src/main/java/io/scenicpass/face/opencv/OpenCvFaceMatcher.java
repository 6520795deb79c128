package io.scenicpass.face.opencv;

import io.scenicpass.face.opencv.internal.FaceTemplates;
import io.scenicpass.face.opencv.internal.FaceTemplates.Quantised;
import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricMatcher;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Face matching over the templates of {@link OpenCvFace}: 1:N ({@link #match}: the best enrolled subject at or above
 * the threshold) and 1:1 ({@link #verify}: one subject). Thread-safe; templates are kept decoded in memory (4 KB each).
 */
public final class OpenCvFaceMatcher implements BiometricMatcher {
    private final Map<String, Quantised> enrolled = new ConcurrentHashMap<>();

    OpenCvFaceMatcher() {}

    @Override
    public BiometricModality modality() {
        return BiometricModality.FACE;
    }

    @Override
    public String enroll(BiometricTemplate template) {
        String id = UUID.randomUUID().toString();
        enroll(id, template);
        return id;
    }

    @Override
    public void enroll(String subjectId, BiometricTemplate template) {
        Objects.requireNonNull(subjectId, "subjectId");
        enrolled.put(subjectId, decode(template));
    }

    @Override
    public void remove(String subjectId) {
        enrolled.remove(subjectId);
    }

    /** How many subjects are enrolled. */
    public int size() {
        return enrolled.size();
    }

    @Override
    public Optional<BiometricMatch> match(BiometricTemplate sample, double threshold) {
        Quantised s = decode(sample);
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, Quantised> e : enrolled.entrySet()) {
            double d = s.distance(e.getValue());
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double score = OpenCvFace.score(bestDistance);
        return score >= threshold ? Optional.of(new BiometricMatch(best, score)) : Optional.empty();
    }

    /** 1:1: the score of a sample against one enrolled subject, or empty if the subject is not enrolled. */
    @Override
    public OptionalDouble verify(String subjectId, BiometricTemplate sample) {
        Quantised t = enrolled.get(subjectId);
        return t == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(OpenCvFace.score(decode(sample).distance(t)));
    }

    private static Quantised decode(BiometricTemplate t) {
        if (t.modality() != BiometricModality.FACE) {
            throw new IllegalArgumentException("not a face template: " + t.modality());
        }
        return FaceTemplates.decode(t.data());
    }
}
