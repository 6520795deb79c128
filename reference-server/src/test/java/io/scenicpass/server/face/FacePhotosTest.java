package io.scenicpass.server.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException;
import io.scenicpass.terminal.device.biometric.PhotoTemplates;
import io.scenicpass.terminal.device.biometric.SimulatedBiometricMatcher;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * A holder's photo to a template: the simulated engine's templates are accepted by the simulated gates' matcher for the
 * same person (another day's live sample) and not for another; every unusable photo is refused with its code, a
 * decompression bomb before anything decodes it; an engine is picked by name.
 */
class FacePhotosTest {
    /** The gates' threshold of the examples' lane (EmbeddedGate.FACE_THRESHOLD). */
    static final double GATE_THRESHOLD = 0.9;

    final FacePhotos photos = FacePhotos.configured(null);

    static byte[] face(int person) {
        byte[] b = new byte[64];
        new Random(person).nextBytes(b);
        return b;
    }

    /** Person {@code n} as a gate's camera sees them another day: a few bits differ, liveness passed. */
    static BiometricTemplate live(int person) {
        byte[] b = face(person);
        b[3] ^= 0x05;
        b[40] ^= 0x10;
        return new BiometricTemplate(BiometricModality.FACE, b, Liveness.passed(0.97));
    }

    @Test
    void aPhotoGivesATemplateTheGatesMatcherAcceptsForTheSamePersonOnly() {
        SimulatedBiometricMatcher gate = new SimulatedBiometricMatcher(BiometricModality.FACE);
        gate.enroll("anna", photos.template(SimulatedPhotoTemplates.photo(face(1), 640, 480, 240, "png")));
        gate.enroll("bo", photos.template(SimulatedPhotoTemplates.photo(face(2), 1200, 1600, 500, "jpeg")));

        assertThat(gate.match(live(1), GATE_THRESHOLD))
                .map(BiometricMatch::subjectId)
                .contains("anna");
        assertThat(gate.match(live(2), GATE_THRESHOLD))
                .map(BiometricMatch::subjectId)
                .contains("bo");
        assertThat(gate.match(live(3), GATE_THRESHOLD)).isEmpty();
        assertThat(gate.verify("bo", live(1)).getAsDouble()).isLessThan(GATE_THRESHOLD);
        assertThat(photos.engineName()).isEqualTo("simulated");
    }

    @Test
    void unusablePhotosAreRefusedNamingTheProblem() {
        assertRefused(null, PhotoRefusal.Code.PHOTO_MISSING);
        assertRefused(new byte[0], PhotoRefusal.Code.PHOTO_MISSING);
        assertRefused("GIF89a not a photo".getBytes(), PhotoRefusal.Code.PHOTO_FORMAT);
        byte[] big = new byte[FacePhotos.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertRefused(big, PhotoRefusal.Code.PHOTO_TOO_LARGE);
        byte[] brokenJpeg = new byte[4000];
        new Random(9).nextBytes(brokenJpeg);
        brokenJpeg[0] = (byte) 0xFF;
        brokenJpeg[1] = (byte) 0xD8;
        brokenJpeg[2] = (byte) 0xFF;
        assertRefused(brokenJpeg, PhotoRefusal.Code.PHOTO_UNREADABLE);
        byte[] png = SimulatedPhotoTemplates.photo(face(1), 640, 480, 240, "png");
        assertRefused(java.util.Arrays.copyOf(png, png.length / 3), PhotoRefusal.Code.PHOTO_UNREADABLE);
        assertRefused(SimulatedPhotoTemplates.photo(face(1), 200, 200, 150, "png"), PhotoRefusal.Code.PHOTO_DIMENSIONS);
        assertRefused(SimulatedPhotoTemplates.photo(List.of(), 640, 480, 200, "png"), PhotoRefusal.Code.PHOTO_NO_FACE);
        assertRefused(
                SimulatedPhotoTemplates.photo(List.of(face(1), face(2)), 1200, 600, 400, "png"),
                PhotoRefusal.Code.PHOTO_SEVERAL_FACES);
        assertRefused(
                SimulatedPhotoTemplates.photo(face(1), 3000, 3000, 200, "png"), PhotoRefusal.Code.PHOTO_FACE_TOO_SMALL);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
        // a PNG header claiming 60,000 × 60,000 pixels (3.6 gigapixels), with no image data at all
        assertRefused(pngHeader(60_000, 60_000), PhotoRefusal.Code.PHOTO_DIMENSIONS);
    }

    @Test
    void anEngineIsPickedByNameAndItsFailuresAreRefusalsNotErrors() {
        assertThatThrownBy(() -> FacePhotos.configured("no-such-engine"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.photoTemplates=no-such-engine")
                .hasMessageContaining("installed: simulated, echo")
                .hasMessageContaining("NotInstalled (not loaded: libopencv4.6-java is not installed)");
        FacePhotos vendor = FacePhotos.configured("echo"); // a ServiceLoader provider, as sdk-face-opencv's "opencv"
        assertThat(vendor.engineName()).isEqualTo("echo");
        byte[] png = SimulatedPhotoTemplates.photo(face(1), 640, 480, 240, "png");
        assertThat(vendor.template(png).data()).isEqualTo(java.util.Arrays.copyOf(png, 32));
        byte[] photo = SimulatedPhotoTemplates.photo(face(1), 640, 480, 240, "png");
        assertRefusedBy(
                engine(x -> {
                    throw new IllegalStateException("vendor SDK crashed");
                }),
                photo,
                PhotoRefusal.Code.PHOTO_UNREADABLE);
        assertRefusedBy(
                engine(x -> {
                    throw new PhotoRefusedException(PhotoRefusedException.Reason.EYES_NOT_VISIBLE, "eyes closed");
                }),
                photo,
                PhotoRefusal.Code.PHOTO_EYES_NOT_VISIBLE);
        assertRefusedBy(
                engine(x ->
                        new BiometricTemplate(BiometricModality.FACE, new byte[FaceService.MAX_TEMPLATE_BYTES + 1])),
                photo,
                PhotoRefusal.Code.PHOTO_UNREADABLE);
        assertRefusedBy(
                engine(x -> new BiometricTemplate(BiometricModality.PALM, new byte[8])),
                photo,
                PhotoRefusal.Code.PHOTO_UNREADABLE);
    }

    private void assertRefused(byte[] photo, PhotoRefusal.Code code) {
        assertThatThrownBy(() -> photos.template(photo))
                .isInstanceOfSatisfying(
                        PhotoRefusal.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static void assertRefusedBy(PhotoTemplates engine, byte[] photo, PhotoRefusal.Code code) {
        assertThatThrownBy(() -> new FacePhotos(engine).template(photo))
                .isInstanceOfSatisfying(
                        PhotoRefusal.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static PhotoTemplates engine(java.util.function.Function<byte[], BiometricTemplate> f) {
        return new PhotoTemplates() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public BiometricTemplate fromPhoto(byte[] image) {
                return f.apply(image);
            }
        };
    }

    /** A PNG signature and IHDR chunk (valid CRC) for a w × h image, nothing after. */
    private static byte[] pngHeader(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes())
                .putInt(w)
                .putInt(h)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }
}
