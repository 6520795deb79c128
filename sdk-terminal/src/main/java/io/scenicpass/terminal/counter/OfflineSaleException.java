package io.scenicpass.terminal.counter;

/** An offline sale refused before anything was sold: a {@link OfflineErrorCode} and a message. */
public final class OfflineSaleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final OfflineErrorCode code;

    /**
     * @param code why
     * @param message what, for the operator
     * @param cause the underlying failure, or null
     */
    public OfflineSaleException(OfflineErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return why the sale was refused */
    public OfflineErrorCode code() {
        return code;
    }
}
