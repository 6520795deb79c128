package io.scenicpass.benchmarks.face;

import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricMatcher;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A vendor-style face matcher: a template is a feature vector (float32, big-endian), as face SDKs produce from a
 * detected face; the score is the cosine similarity mapped to [0, 1] ({@code (1 + cos) / 2}); 1:N is a linear scan
 * of the enrolled vectors. It matches what the labelled sets here generate, not photos: a stand-in for a vendor SDK.
 */
public final class CosineFaceMatcher implements BiometricMatcher {
    private final Map<String, float[]> subjects = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public BiometricModality modality() {
        return BiometricModality.FACE;
    }

    @Override
    public String enroll(BiometricTemplate template) {
        String id = "cos-" + next.getAndIncrement();
        enroll(id, template);
        return id;
    }

    @Override
    public void enroll(String subjectId, BiometricTemplate template) {
        if (template.modality() != BiometricModality.FACE) {
            throw new IllegalArgumentException("not a face template");
        }
        subjects.put(subjectId, unit(vector(template.data())));
    }

    @Override
    public void remove(String subjectId) {
        subjects.remove(subjectId);
    }

    @Override
    public Optional<BiometricMatch> match(BiometricTemplate sample, double threshold) {
        float[] s = unit(vector(sample.data()));
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, float[]> e : subjects.entrySet()) {
            double score = score(s, e.getValue());
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best == null || bestScore < threshold
                ? Optional.empty()
                : Optional.of(new BiometricMatch(best, bestScore));
    }

    @Override
    public OptionalDouble verify(String subjectId, BiometricTemplate sample) {
        float[] enrolled = subjects.get(subjectId);
        return enrolled == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(score(unit(vector(sample.data())), enrolled));
    }

    /** A feature vector as template bytes. */
    public static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    private static float[] vector(byte[] data) {
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException("not a float vector");
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        float[] v = new float[data.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        double inv = n == 0 ? 0 : 1 / Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            v[i] *= (float) inv;
        }
        return v;
    }

    private static double score(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.max(0, Math.min(1, (1 + dot) / 2));
    }
}
