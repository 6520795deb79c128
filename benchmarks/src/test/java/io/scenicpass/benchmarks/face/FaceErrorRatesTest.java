package io.scenicpass.benchmarks.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher;
import org.junit.jupiter.api.Test;

/** The evaluator measures what it says: on any matcher, and it sees both kinds of error when they happen. */
class FaceErrorRatesTest {
    static final LabelledFaces SMALL = LabelledFaces.vectors(7, 200, 200, 2, 128, 0.35);

    @Test
    void theVendorStyleMatcherSeparatesPeopleAtItsThreshold() {
        FaceErrorRates.Rates r = FaceErrorRates.measure(new CosineFaceMatcher(), SMALL, 0.8);
        assertThat(r.genuine()).isEqualTo(400);
        assertThat(r.impostor()).isEqualTo(400);
        assertThat(r.farN()).isLessThan(0.01);
        assertThat(r.frrN()).isLessThan(0.05);
        assertThat(r.far1()).isLessThan(0.01);
    }

    @Test
    void aThresholdTooLowAcceptsStrangersAndTooHighRejectsEveryone() {
        assertThat(FaceErrorRates.measure(new CosineFaceMatcher(), SMALL, 0.3).farN())
                .isGreaterThan(0.4); // every stranger matches someone
        assertThat(FaceErrorRates.measure(new CosineFaceMatcher(), SMALL, 0.999).frrN())
                .isGreaterThan(0.99);
    }

    @Test
    void anyMatcherCanBeMeasuredTheSimulatedOneToo() {
        FaceErrorRates.Rates r = FaceErrorRates.measure(
                new SimulatedBiometricMatcher(BiometricModality.FACE),
                LabelledFaces.bits(7, 100, 100, 2, 64, 0.05),
                0.8);
        assertThat(r.farN()).isZero();
        assertThat(r.frrN()).isLessThan(0.05);
    }
}
