package io.scenicpass.terminal.device.biometric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.device.CredentialKind;
import io.scenicpass.terminal.device.CredentialListener;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.ScannedCredential;
import io.scenicpass.terminal.device.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BiometricReaderTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T01:00:00Z"));

    private static BiometricTemplate face(int seed, int flippedBits) {
        byte[] b = new byte[64];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed * 31 + i * 17);
        }
        for (int i = 0; i < flippedBits; i++) {
            b[i % 64] ^= (byte) (1 << (i / 64));
        }
        return new BiometricTemplate(BiometricModality.FACE, b);
    }

    @Test
    void enrollThenMatchAboveTheThresholdOnly() {
        SimulatedBiometricMatcher m = new SimulatedBiometricMatcher(BiometricModality.FACE);
        String alice = m.enroll(face(1, 0));
        String bob = m.enroll(face(2, 0));
        assertThat(alice).isNotEqualTo(bob);
        BiometricMatch match = m.match(face(1, 10), 0.95).orElseThrow();
        assertThat(match.subjectId()).isEqualTo(alice);
        assertThat(match.score()).isEqualTo(1.0 - 10 / 512.0);
        assertThat(m.match(face(1, 100), 0.95)).isEmpty();
        m.remove(alice);
        assertThat(m.match(face(1, 0), 0.95).map(BiometricMatch::subjectId)).isNotEqualTo(Optional.of(alice));
        assertThatThrownBy(() -> m.enroll(new BiometricTemplate(BiometricModality.PALM, new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReaderEmitsMatchesAndReportsNoMatchAndMatcherFailures() {
        SimulatedBiometricMatcher m = new SimulatedBiometricMatcher(BiometricModality.FACE);
        String alice = m.enroll(face(1, 0));
        BiometricReader reader = new BiometricReader("face1", clock, m, 0.9);
        List<ScannedCredential> got = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        reader.setCredentialListener(new CredentialListener() {
            @Override
            public void onCredential(ScannedCredential c) {
                got.add(c);
            }

            @Override
            public void onUnreadable(String readerId, CredentialKind kind, String reason) {
                unreadable.add(kind + ":" + reason);
            }
        });
        reader.start();
        reader.submit(face(1, 3));
        assertThat(got).hasSize(1);
        assertThat(got.get(0).kind()).isEqualTo(CredentialKind.FACE);
        assertThat(got.get(0).text()).isEqualTo(alice);
        assertThat(got.get(0).score().getAsDouble()).isGreaterThan(0.99);
        assertThat(got.get(0).readAt()).isEqualTo(clock.instant());
        reader.submit(face(9, 0));
        assertThat(unreadable).containsExactly("FACE:NO_MATCH");

        BiometricMatcher broken = new SimulatedBiometricMatcher(BiometricModality.PALM);
        BiometricReader failing = new BiometricReader(
                "palm1",
                clock,
                new BiometricMatcher() {
                    @Override
                    public BiometricModality modality() {
                        return BiometricModality.PALM;
                    }

                    @Override
                    public String enroll(BiometricTemplate template) {
                        return broken.enroll(template);
                    }

                    @Override
                    public void enroll(String subjectId, BiometricTemplate template) {
                        broken.enroll(subjectId, template);
                    }

                    @Override
                    public void remove(String subjectId) {}

                    @Override
                    public Optional<BiometricMatch> match(BiometricTemplate sample, double threshold) {
                        throw new IllegalStateException("vendor SDK crashed");
                    }
                },
                0.9);
        failing.start();
        assertThat(failing.submit(new BiometricTemplate(BiometricModality.PALM, new byte[] {1})))
                .isEmpty();
        assertThat(failing.health().lastError().get().code()).isEqualTo(DeviceFaultCode.DEVICE_ERROR);
    }
}
