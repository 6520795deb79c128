package io.scenicpass.terminal.device.biometric;

import java.util.Objects;

/** A photo from which {@link PhotoTemplates} made no template, with the reason the holder is shown. */
public final class PhotoRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why no template was made. */
    public enum Reason {
        /** The bytes are no image the engine can decode. */
        UNREADABLE,
        /** No face was found. */
        NO_FACE,
        /** More than one face: the photo must show the holder alone. */
        SEVERAL_FACES,
        /** The face is too small (too far from the camera) to make a template. */
        FACE_TOO_SMALL,
        /** A face without both eyes visible (turned away, covered, eyes closed). */
        EYES_NOT_VISIBLE
    }

    private final Reason reason;

    /** Creates the exception; {@code message} must not contain biometric data. */
    public PhotoRefusedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason. */
    public Reason reason() {
        return reason;
    }
}
