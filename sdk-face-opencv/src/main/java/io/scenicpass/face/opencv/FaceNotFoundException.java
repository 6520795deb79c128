package io.scenicpass.face.opencv;

/** A photo from which no template can be made, with the reason a lane shows or records. */
public final class FaceNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why no template was made. */
    public enum Reason {
        /** The bytes are not an image OpenCV can decode (PNG, JPEG, BMP...). */
        UNREADABLE_IMAGE,
        /** No frontal face was found. */
        NO_FACE,
        /** A face was found but not two eyes to align it on (turned away, eyes closed or covered). */
        NO_EYES
    }

    private final Reason reason;

    /** Creates the exception. */
    public FaceNotFoundException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The reason, for the lane's display and the entry event. */
    public Reason reason() {
        return reason;
    }
}
