package io.scenicpass.benchmarks.face;

import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricMatcher;
import io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * False accept and false reject rates of any {@link BiometricMatcher} on a {@link LabelledFaces} set at a threshold,
 * the way the gate uses it. 1:N (face alone): a genuine probe is falsely rejected unless its own person is the best
 * match at or above the threshold; a probe admitted as anyone else (a stranger, or a person taken for another) is a
 * false accept. 1:1 (face with a pass): each probe against its own enrolment (FRR) and against another's (FAR).
 *
 * <p>Run: {@code java -cp benchmarks.jar io.scenicpass.benchmarks.face.FaceErrorRates [matcher class] [thresholds]}
 */
public final class FaceErrorRates {
    /** Rates in [0, 1] and the counts behind them. */
    public record Rates(
            double threshold, double farN, double frrN, double far1, double frr1, int genuine, int impostor) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "threshold %.3f: 1:N FAR %.4f FRR %.4f | 1:1 FAR %.4f FRR %.4f (%d genuine, %d impostor probes)",
                    threshold,
                    farN,
                    frrN,
                    far1,
                    frr1,
                    genuine,
                    impostor);
        }
    }

    private FaceErrorRates() {}

    /** Enrols the set into {@code matcher} (subject id = person) and measures it at {@code threshold}. */
    public static Rates measure(BiometricMatcher matcher, LabelledFaces set, double threshold) {
        set.enrolled.forEach(matcher::enroll);
        String[] people = set.enrolled.keySet().toArray(new String[0]);
        int genuine = 0, impostor = 0, falseAcceptN = 0, falseRejectN = 0, falseAccept1 = 0, falseReject1 = 0;
        int i = 0;
        for (LabelledFaces.Probe p : set.probes) {
            Optional<BiometricMatch> m = matcher.match(p.sample(), threshold);
            if (p.person() == null) {
                impostor++;
                if (m.isPresent()) {
                    falseAcceptN++;
                }
            } else {
                genuine++;
                if (m.isEmpty() || !m.get().subjectId().equals(p.person())) {
                    falseRejectN++;
                    if (m.isPresent()) {
                        falseAcceptN++; // admitted as someone else
                    }
                }
                OptionalDouble own = matcher.verify(p.person(), p.sample());
                if (own.isEmpty() || own.getAsDouble() < threshold) {
                    falseReject1++;
                }
            }
            // 1:1 impostor: the probe shown with another person's pass
            String other = people[(i++ * 7 + 1) % people.length];
            if (!other.equals(p.person())) {
                OptionalDouble s = matcher.verify(other, p.sample());
                if (s.isPresent() && s.getAsDouble() >= threshold) {
                    falseAccept1++;
                }
            }
        }
        int probes = set.probes.size();
        return new Rates(
                threshold,
                (double) falseAcceptN / probes,
                genuine == 0 ? 0 : (double) falseRejectN / genuine,
                (double) falseAccept1 / probes,
                genuine == 0 ? 0 : (double) falseReject1 / genuine,
                genuine,
                impostor);
    }

    /**
     * The vendor-style set of docs/benchmarks.md: 1,000 people, 1,000 strangers, 3 probes each, 128 dimensions, noise
     * as large as the face itself (so genuine and impostor scores overlap at the tails and the threshold matters).
     */
    public static LabelledFaces vendorSet() {
        return LabelledFaces.vectors(20261207L, 1000, 1000, 3, 128, 1.0);
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        String matcher = args.length > 0 ? args[0] : CosineFaceMatcher.class.getName();
        String[] thresholds =
                args.length > 1 ? args[1].split(",") : new String[] {"0.62", "0.64", "0.66", "0.68", "0.70"};
        boolean simulated = matcher.equals(SimulatedBiometricMatcher.class.getName());
        for (String t : thresholds) {
            BiometricMatcher m = simulated
                    ? new SimulatedBiometricMatcher(io.scenicpass.terminal.device.biometric.BiometricModality.FACE)
                    : (BiometricMatcher)
                            Class.forName(matcher).getDeclaredConstructor().newInstance();
            LabelledFaces set = simulated ? LabelledFaces.bits(20261207L, 1000, 1000, 3, 64, 0.15) : vendorSet();
            System.out.println(m.getClass().getSimpleName() + " " + measure(m, set, Double.parseDouble(t)));
        }
        System.out.println("(sets: " + Map.of("people", 1000, "strangers", 1000, "probes each", 3) + ")");
    }
}
