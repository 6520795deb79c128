package io.scenicpass.face.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException;
import io.scenicpass.terminal.device.biometric.PhotoTemplates;
import java.awt.image.BufferedImage;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The server's photo SPI on real OpenCV: found by {@link ServiceLoader} under its name, a photo's template matched by
 * the gates' {@link OpenCvFaceMatcher} against another capture of the same face, unusable photos refused with the
 * SPI's reasons.
 */
class OpenCvPhotoTemplatesTest {
    @Test
    void theServerFindsItByNameAndItsTemplatesMatchAtTheGate() {
        PhotoTemplates engine = ServiceLoader.load(PhotoTemplates.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.name().equals("opencv"))
                .findFirst()
                .orElseThrow();
        OpenCvFace face = OpenCvFace.builder().build();
        OpenCvFaceMatcher gate = face.newMatcher();
        gate.enroll("holder", engine.fromPhoto(SyntheticFaces.png(1, 0))); // the shop's photo
        gate.enroll("other", engine.fromPhoto(SyntheticFaces.png(2, 0)));

        assertThat(gate.match(face.template(SyntheticFaces.png(1, 3)), OpenCvFace.IDENTIFY_THRESHOLD))
                .map(BiometricMatch::subjectId)
                .contains("holder"); // the lane's camera, another day
    }

    @Test
    void unusablePhotosAreRefusedWithTheSpisReasons() {
        OpenCvPhotoTemplates engine = new OpenCvPhotoTemplates();
        assertRefused(
                engine,
                SyntheticFaces.png(new BufferedImage(240, 240, BufferedImage.TYPE_BYTE_GRAY)),
                PhotoRefusedException.Reason.NO_FACE);
        assertRefused(engine, "not an image".getBytes(), PhotoRefusedException.Reason.UNREADABLE);
        assertRefused(engine, SyntheticFaces.eyesClosed(5), PhotoRefusedException.Reason.EYES_NOT_VISIBLE);
    }

    private static void assertRefused(PhotoTemplates engine, byte[] photo, PhotoRefusedException.Reason reason) {
        assertThatThrownBy(() -> engine.fromPhoto(photo))
                .isInstanceOfSatisfying(
                        PhotoRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
