package io.scenicpass.face.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * False accept and false reject rates on the labelled set of {@link SyntheticFaces}: {@value #IDENTITIES}
 * identities, the first capture of each enrolled, {@value #PROBES} further captures each as probes. 1:1 compares
 * every probe with every enrolled face (genuine pairs and impostor pairs); 1:N searches every probe among all enrolled
 * faces. The table goes to {@code target/face-accuracy.txt} and docs/benchmarks.md.
 */
@Tag("slow")
class FaceAccuracyTest {
    static final int IDENTITIES = 60;
    static final int PROBES = 4;

    static OpenCvFace face;
    static BiometricTemplate[] enrolled = new BiometricTemplate[IDENTITIES];
    static BiometricTemplate[][] probes = new BiometricTemplate[IDENTITIES][PROBES];

    @BeforeAll
    static void templates() {
        face = OpenCvFace.builder().build();
        for (int i = 0; i < IDENTITIES; i++) {
            enrolled[i] = face.template(SyntheticFaces.png(i, 0));
            for (int p = 0; p < PROBES; p++) {
                probes[i][p] = face.template(SyntheticFaces.png(i, p + 1));
            }
        }
    }

    @Test
    void errorRatesAtTheSuggestedThresholdsStayWithinTheirCeilings() throws IOException {
        OpenCvFaceMatcher m = face.newMatcher();
        for (int i = 0; i < IDENTITIES; i++) {
            m.enroll("id" + i, enrolled[i]);
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        int rank1 = 0;
        int wrong = 0;
        int none = 0;
        for (int i = 0; i < IDENTITIES; i++) {
            for (int p = 0; p < PROBES; p++) {
                for (int j = 0; j < IDENTITIES; j++) {
                    double s = m.verify("id" + j, probes[i][p]).orElseThrow();
                    (i == j ? genuine : impostor).add(s);
                }
                Optional<BiometricMatch> best = m.match(probes[i][p], OpenCvFace.IDENTIFY_THRESHOLD);
                if (best.isEmpty()) {
                    none++;
                } else if (best.get().subjectId().equals("id" + i)) {
                    rank1++;
                } else {
                    wrong++;
                }
            }
        }
        StringBuilder table = new StringBuilder("threshold  FAR(1:1)   FRR(1:1)\n");
        for (double t = 0.40; t <= 0.641; t += 0.02) {
            table.append(String.format(
                    Locale.ROOT, "%.2f       %.4f     %.4f%n", t, rate(impostor, t, true), rate(genuine, t, false)));
        }
        int probesTotal = IDENTITIES * PROBES;
        table.append(String.format(
                Locale.ROOT,
                "1:N at %.2f over %d enrolled: right %d, wrong %d, none %d of %d probes%n",
                OpenCvFace.IDENTIFY_THRESHOLD,
                IDENTITIES,
                rank1,
                wrong,
                none,
                probesTotal));
        System.out.print(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/face-accuracy.txt"), table, StandardCharsets.UTF_8);

        double far = rate(impostor, OpenCvFace.VERIFY_THRESHOLD, true);
        double frr = rate(genuine, OpenCvFace.VERIFY_THRESHOLD, false);
        assertThat(genuine).hasSize(probesTotal);
        assertThat(impostor).hasSize(probesTotal * (IDENTITIES - 1));
        assertThat(far).as("false accept rate").isLessThanOrEqualTo(0.03);
        assertThat(frr).as("false reject rate").isLessThanOrEqualTo(0.10);
        assertThat((double) wrong / probesTotal).as("1:N wrong person").isLessThanOrEqualTo(0.01);
    }

    /** The share of scores accepted (≥ t) when {@code accepted}, else refused (< t). */
    static double rate(List<Double> scores, double t, boolean accepted) {
        long n = scores.stream().filter(s -> accepted == (s >= t)).count();
        return (double) n / scores.size();
    }
}
