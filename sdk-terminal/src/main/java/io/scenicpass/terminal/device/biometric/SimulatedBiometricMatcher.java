package io.scenicpass.terminal.device.biometric;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in matcher for tests and the simulated gate: the score is the fraction of equal bits between the
 * sample and each enrolled template (templates of different lengths never match). Subject ids are
 * {@code sim-<modality>-<n>}. Not a biometric algorithm.
 */
public final class SimulatedBiometricMatcher implements BiometricMatcher {
    private final BiometricModality modality;
    private final Map<String, byte[]> subjects = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1);

    /** Creates an empty matcher for one modality. */
    public SimulatedBiometricMatcher(BiometricModality modality) {
        this.modality = modality;
    }

    @Override
    public BiometricModality modality() {
        return modality;
    }

    @Override
    public String enroll(BiometricTemplate template) {
        String id = "sim-" + modality.name().toLowerCase(java.util.Locale.ROOT) + "-" + next.getAndIncrement();
        enroll(id, template);
        return id;
    }

    @Override
    public void enroll(String subjectId, BiometricTemplate template) {
        if (template.modality() != modality) {
            throw new IllegalArgumentException("template is " + template.modality() + ", matcher is " + modality);
        }
        subjects.put(subjectId, template.data());
    }

    @Override
    public void remove(String subjectId) {
        subjects.remove(subjectId);
    }

    @Override
    public Optional<BiometricMatch> match(BiometricTemplate sample, double threshold) {
        if (sample.modality() != modality) {
            return Optional.empty();
        }
        byte[] s = sample.data();
        String best = null;
        double bestScore = -1;
        for (Map.Entry<String, byte[]> e : subjects.entrySet()) {
            double score = similarity(s, e.getValue());
            if (score > bestScore
                    || (score == bestScore && best != null && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestScore = score;
            }
        }
        if (best == null || bestScore < threshold) {
            return Optional.empty();
        }
        return Optional.of(new BiometricMatch(best, bestScore));
    }

    @Override
    public java.util.OptionalDouble verify(String subjectId, BiometricTemplate sample) {
        byte[] enrolled = subjects.get(subjectId);
        if (enrolled == null || sample.modality() != modality) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(similarity(sample.data(), enrolled));
    }

    private static double similarity(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return 0;
        }
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            differing += Integer.bitCount((a[i] ^ b[i]) & 0xFF);
        }
        return 1.0 - differing / (8.0 * a.length);
    }
}
