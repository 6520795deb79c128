package io.scenicpass.server;

/** A typed, expected failure: a {@link Problem}, a safe message and optionally the offending id. */
public final class ServiceException extends RuntimeException {
    private final Problem problem;
    private final String offendingId;

    public ServiceException(Problem problem, String message) {
        this(problem, message, null);
    }

    public ServiceException(Problem problem, String message, String offendingId) {
        super(message, null, false, false);
        this.problem = problem;
        this.offendingId = offendingId;
    }

    public Problem problem() {
        return problem;
    }

    /** The id the caller got wrong (product, option, unit, availability or booking uuid), or null. */
    public String offendingId() {
        return offendingId;
    }
}
