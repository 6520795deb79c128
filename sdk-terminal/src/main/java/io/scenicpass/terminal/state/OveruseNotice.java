package io.scenicpass.terminal.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The server's report that an entry this gate uploaded was over-use: for example the same single-entry
 * pass admitted at two gates while both were offline.
 */
public final class OveruseNotice {
    private final String eventId;
    private final String passId;
    private final String message;
    private final Instant reportedAt;

    /**
     * @param eventId the uploaded event the server flagged
     * @param passId the pass, may be null when unknown
     * @param message the server's message, may be null
     * @param reportedAt corrected time when the notice arrived
     */
    public OveruseNotice(String eventId, String passId, String message, Instant reportedAt) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.passId = passId;
        this.message = message;
        this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** @return the flagged event id */
    public String eventId() {
        return eventId;
    }

    /** @return the pass id, may be null */
    public String passId() {
        return passId;
    }

    /** @return the server's message, may be null */
    public String message() {
        return message;
    }

    /** @return when the notice arrived (corrected time) */
    public Instant reportedAt() {
        return reportedAt;
    }

    @Override
    public String toString() {
        return "OveruseNotice{eventId=" + eventId + ", passId=" + passId + ", reportedAt=" + reportedAt + "}";
    }
}
