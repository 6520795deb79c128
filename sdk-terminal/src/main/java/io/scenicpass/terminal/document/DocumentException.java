package io.scenicpass.terminal.document;

/**
 * A document could not be parsed or failed its checks. The message never contains personal data
 * (names, numbers); the {@link #code()} says what went wrong.
 */
public final class DocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final DocumentErrorCode code;

    /** Creates an exception with the code's default message. */
    public DocumentException(DocumentErrorCode code) {
        this(code, code.defaultMessage());
    }

    /** Creates an exception with a specific message (no personal data). */
    public DocumentException(DocumentErrorCode code, String message) {
        super(code.name() + ": " + message);
        this.code = code;
    }

    /** The reason code. */
    public DocumentErrorCode code() {
        return code;
    }
}
