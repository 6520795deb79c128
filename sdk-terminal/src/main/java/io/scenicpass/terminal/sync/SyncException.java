package io.scenicpass.terminal.sync;

import java.util.Objects;

/** A sync operation failed; carries a {@link SyncErrorCode}, the HTTP status when there was one, and the
 * server's WireError code when it sent one. Messages never contain the device token. */
public final class SyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final SyncErrorCode code;
    private final int httpStatus;
    private final String serverCode;

    /**
     * @param code the failure class
     * @param message what happened
     * @param httpStatus the HTTP status, or 0 when no response arrived
     * @param serverCode the server's WireError code, or null
     * @param cause the underlying exception, or null
     */
    public SyncException(SyncErrorCode code, String message, int httpStatus, String serverCode, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.httpStatus = httpStatus;
        this.serverCode = serverCode;
    }

    /**
     * @param code the failure class
     * @param message what happened
     */
    public SyncException(SyncErrorCode code, String message) {
        this(code, message, 0, null, null);
    }

    /** @return the failure class */
    public SyncErrorCode code() {
        return code;
    }

    /** @return the HTTP status, or 0 */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the server's WireError code, or null */
    public String serverCode() {
        return serverCode;
    }

    /** @return true when the failure says nothing about the request itself and a retry may succeed */
    public boolean retryable() {
        return code == SyncErrorCode.NETWORK || code == SyncErrorCode.SERVER || code == SyncErrorCode.THROTTLED;
    }
}
