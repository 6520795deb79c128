package io.scenicpass.terminal.journal;

/** The journal could not do what was asked; {@link #code()} tells why. Never carries record content. */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * @param code a stable code such as {@code JOURNAL_IO} or {@code JOURNAL_FULL}
     * @param message what happened
     * @param cause the underlying error, may be null
     */
    public JournalException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return a stable code: {@code JOURNAL_IO}, {@code JOURNAL_FULL}, {@code JOURNAL_CLOSED},
     *     {@code JOURNAL_LOCKED}, {@code RECORD_TOO_LARGE} */
    public String code() {
        return code;
    }
}
