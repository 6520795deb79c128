package io.scenicpass.face.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.face.opencv.FaceNotFoundException.Reason;
import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on real OpenCV: photo to template, 1:1 and 1:N, and the typed refusals of unusable photos. */
class OpenCvFaceTest {
    static OpenCvFace face;

    @BeforeAll
    static void engine() {
        face = OpenCvFace.builder().build();
    }

    @Test
    void theSameFaceOnAnotherDayMatchesAndAnotherFaceDoesNot() {
        OpenCvFaceMatcher m = face.newMatcher();
        m.enroll("anna", face.template(SyntheticFaces.png(1, 0)));
        m.enroll("bo", face.template(SyntheticFaces.png(2, 0)));
        BiometricTemplate annaAgain = face.template(SyntheticFaces.png(1, 3));

        assertThat(m.verify("anna", annaAgain).orElseThrow()).isGreaterThanOrEqualTo(OpenCvFace.VERIFY_THRESHOLD);
        assertThat(m.verify("bo", annaAgain).orElseThrow()).isLessThan(OpenCvFace.VERIFY_THRESHOLD);
        assertThat(m.verify("nobody", annaAgain)).isEmpty();
        assertThat(m.match(annaAgain, OpenCvFace.IDENTIFY_THRESHOLD))
                .map(BiometricMatch::subjectId)
                .contains("anna");
    }

    @Test
    void aRemovedOrNeverEnrolledHolderIsNotFound() {
        OpenCvFaceMatcher m = face.newMatcher();
        BiometricTemplate t = face.template(SyntheticFaces.png(4, 0));
        assertThat(m.match(t, 0)).isEmpty();
        String id = m.enroll(t);
        assertThat(m.match(t, OpenCvFace.IDENTIFY_THRESHOLD))
                .map(BiometricMatch::subjectId)
                .contains(id);
        assertThat(m.match(t, 0).orElseThrow().score()).isEqualTo(1.0);
        m.remove(id);
        assertThat(m.size()).isZero();
        assertThat(m.match(t, 0)).isEmpty();
    }

    @Test
    void unusablePhotosAreRefusedWithTheirReason() {
        BufferedImage blank = new BufferedImage(240, 240, BufferedImage.TYPE_BYTE_GRAY);
        assertThatThrownBy(() -> face.template(SyntheticFaces.png(blank)))
                .isInstanceOfSatisfying(
                        FaceNotFoundException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_FACE));
        assertThatThrownBy(() -> face.template("not an image".getBytes()))
                .isInstanceOfSatisfying(
                        FaceNotFoundException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_IMAGE));
        assertThatThrownBy(() -> face.template(SyntheticFaces.eyesClosed(5)))
                .isInstanceOfSatisfying(
                        FaceNotFoundException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_EYES));
    }

    @Test
    void templatesOfAnotherKindAreRefused() {
        OpenCvFaceMatcher m = face.newMatcher();
        assertThatThrownBy(() -> m.enroll("x", new BiometricTemplate(BiometricModality.PALM, new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a face template");
        assertThatThrownBy(() -> m.enroll("x", new BiometricTemplate(BiometricModality.FACE, new byte[] {1, 2, 3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an OpenCV face template");
        assertThat(face.template(SyntheticFaces.png(1, 0)).toString())
                .doesNotContain("[")
                .contains("bytes");
    }

    @Test
    void missingCascadesNameThePackageToInstall() {
        assertThatThrownBy(() ->
                        OpenCvFace.builder().cascades(Path.of("/nonexistent")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opencv-data");
    }

    @Test
    void templatesMadeOnSeveralThreadsAreTheSameAsOnOne() throws Exception {
        List<byte[]> sequential = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sequential.add(face.template(SyntheticFaces.png(i, 1)).data());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> parallel = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int id = i;
                parallel.add(pool.submit(
                        () -> face.template(SyntheticFaces.png(id, 1)).data()));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(Arrays.equals(parallel.get(i).get(), sequential.get(i)))
                        .as("template %d", i)
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
