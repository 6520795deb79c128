package io.scenicpass.face.opencv;

import io.scenicpass.face.opencv.internal.FaceAligner;
import io.scenicpass.face.opencv.internal.FaceTemplates;
import io.scenicpass.face.opencv.internal.LbphFeatures;
import io.scenicpass.face.opencv.internal.NativeOpenCv;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import java.nio.file.Path;
import java.util.Objects;
import org.opencv.core.Mat;

/**
 * The OpenCV face engine of a lane: {@link #template} turns a photo into a face template, {@link #newMatcher()} gives
 * a matcher for the SPI. Build it once:
 *
 * <pre>{@code
 * OpenCvFace face = OpenCvFace.builder().build();          // Debian's paths
 * BiometricTemplate t = face.template(jpegBytes);          // FaceNotFoundException if there is no usable face
 * OpenCvFaceMatcher matcher = face.newMatcher();
 * }</pre>
 *
 * Scores are {@code 1 − distance ÷ }{@value #DISTANCE_SCALE}, clamped to [0, 1], where the distance is the chi-square
 * distance of the two faces' LBPH histograms. {@link #VERIFY_THRESHOLD}, {@link #IDENTIFY_THRESHOLD} and the error rates they give on the
 * synthetic labelled set are in docs/benchmarks.md.
 */
public final class OpenCvFace {
    /** Where Debian's opencv-data puts the Haar cascades. */
    public static final Path DEBIAN_CASCADES = Path.of("/usr/share/opencv4/haarcascades");
    /** The distance that maps to a score of 0. */
    public static final double DISTANCE_SCALE = 11.0;
    /** The threshold suggested for 1:1, a face with a ticket or ID (docs/benchmarks.md: its error rates). */
    public static final double VERIFY_THRESHOLD = 0.52;
    /**
     * The threshold suggested for 1:N, a face alone: higher, since every enrolled holder is a chance of a false
     * accept (docs/benchmarks.md).
     */
    public static final double IDENTIFY_THRESHOLD = 0.60;

    private final FaceAligner aligner;

    private OpenCvFace(Builder b) {
        NativeOpenCv.load(b.nativeLibrary);
        this.aligner = new FaceAligner(b.cascades);
    }

    /** A builder with Debian's paths. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The face template of a photo (PNG, JPEG, BMP; a frontal face with both eyes visible). Thread-safe; one photo
     * at a time.
     *
     * @throws FaceNotFoundException with the reason when no template can be made
     */
    public BiometricTemplate template(byte[] encodedImage) {
        Objects.requireNonNull(encodedImage, "encodedImage");
        Mat face = aligner.align(encodedImage);
        try {
            return new BiometricTemplate(BiometricModality.FACE, FaceTemplates.encode(LbphFeatures.of(face)));
        } finally {
            face.release();
        }
    }

    /** A new, empty matcher for templates made by this engine. */
    public OpenCvFaceMatcher newMatcher() {
        return new OpenCvFaceMatcher();
    }

    /** The score of a distance: {@code 1 − distance ÷ DISTANCE_SCALE} clamped to [0, 1]. */
    static double score(double distance) {
        return Math.max(0, Math.min(1, 1 - distance / DISTANCE_SCALE));
    }

    /** Builds an {@link OpenCvFace}. */
    public static final class Builder {
        private Path cascades = DEBIAN_CASCADES;
        private Path nativeLibrary;

        private Builder() {}

        /** The folder with {@code haarcascade_frontalface_default.xml} and {@code haarcascade_eye.xml}. */
        public Builder cascades(Path dir) {
            this.cascades = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** OpenCV's JNI library file, when it is neither on {@code java.library.path} nor in Debian's place. */
        public Builder nativeLibrary(Path file) {
            this.nativeLibrary = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Loads OpenCV and the cascades.
         *
         * @throws IllegalStateException naming the missing package when OpenCV or its data is not installed
         */
        public OpenCvFace build() {
            return new OpenCvFace(this);
        }
    }
}
