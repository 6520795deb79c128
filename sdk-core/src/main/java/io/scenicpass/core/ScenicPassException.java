package io.scenicpass.core;

/**
 * The one exception type of the ScenicPass protocol: every failure carries a stable {@link ErrorCode}.
 * Messages never contain key material or personal data.
 */
public final class ScenicPassException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    /** An exception with the code's default message. */
    public ScenicPassException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    /** An exception with a specific message (never key material or personal data). */
    public ScenicPassException(ErrorCode code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** An exception with a cause (kept for debugging; its message is not repeated). */
    public ScenicPassException(ErrorCode code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
