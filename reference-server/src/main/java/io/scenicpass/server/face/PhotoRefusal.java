package io.scenicpass.server.face;

import io.scenicpass.terminal.device.biometric.PhotoRefusedException;

/** A holder's photo that gives no face template, with the code the page names the problem by (texts keyed by it). */
public final class PhotoRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the photo. */
    public enum Code {
        PHOTO_MISSING,
        PHOTO_TOO_LARGE,
        PHOTO_FORMAT,
        PHOTO_DIMENSIONS,
        PHOTO_UNREADABLE,
        PHOTO_NO_FACE,
        PHOTO_SEVERAL_FACES,
        PHOTO_FACE_TOO_SMALL,
        PHOTO_EYES_NOT_VISIBLE;

        /** The code of an engine's reason. */
        static Code of(PhotoRefusedException.Reason r) {
            switch (r) {
                case NO_FACE:
                    return PHOTO_NO_FACE;
                case SEVERAL_FACES:
                    return PHOTO_SEVERAL_FACES;
                case FACE_TOO_SMALL:
                    return PHOTO_FACE_TOO_SMALL;
                case EYES_NOT_VISIBLE:
                    return PHOTO_EYES_NOT_VISIBLE;
                default:
                    return PHOTO_UNREADABLE;
            }
        }
    }

    private final Code code;

    PhotoRefusal(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
