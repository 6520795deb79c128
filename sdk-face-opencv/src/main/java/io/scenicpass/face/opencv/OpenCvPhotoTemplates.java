package io.scenicpass.face.opencv;

import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException;
import io.scenicpass.terminal.device.biometric.PhotoRefusedException.Reason;
import io.scenicpass.terminal.device.biometric.PhotoTemplates;
import java.util.Objects;

/**
 * sdk-terminal's {@link PhotoTemplates} on OpenCV, named {@value #NAME}: the server turns a holder's uploaded photo into
 * the template {@link OpenCvFaceMatcher} gates match. Registered for {@link java.util.ServiceLoader}, so a server with
 * this jar and Debian's OpenCV on its class path finds it; the server's configuration picks it by name. Of several
 * faces the largest is taken (OpenCV's detector gives no reliable count), a face too small to detect is NO_FACE.
 */
public final class OpenCvPhotoTemplates implements PhotoTemplates {
    public static final String NAME = "opencv";

    private final OpenCvFace face;

    /**
     * With Debian's paths (the constructor {@link java.util.ServiceLoader} calls).
     *
     * @throws IllegalStateException naming the missing package when OpenCV or its data is not installed
     */
    public OpenCvPhotoTemplates() {
        this(OpenCvFace.builder().build());
    }

    /** Over an engine built with other paths. */
    public OpenCvPhotoTemplates(OpenCvFace face) {
        this.face = Objects.requireNonNull(face, "face");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BiometricTemplate fromPhoto(byte[] image) {
        try {
            return face.template(image);
        } catch (FaceNotFoundException e) {
            throw new PhotoRefusedException(reason(e.reason()), e.getMessage());
        }
    }

    private static Reason reason(FaceNotFoundException.Reason r) {
        switch (r) {
            case NO_FACE:
                return Reason.NO_FACE;
            case NO_EYES:
                return Reason.EYES_NOT_VISIBLE;
            default:
                return Reason.UNREADABLE;
        }
    }
}
