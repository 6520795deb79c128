package io.scenicpass.terminal.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * The server's answer that an uploaded entry was over-use: for example the same single-entry pass admitted
 * at two gates while both were offline. The entry stays admitted (it already happened); the gate
 * application shows or reports it.
 */
public final class OveruseConflict {
    private final String eventId;
    private final String passId;
    private final String message;
    private final Instant reportedAt;

    /**
     * @param eventId the uploaded entry event
     * @param passId the pass of that entry (may be null)
     * @param message the server's explanation (may be null)
     * @param reportedAt device time the server's answer arrived
     */
    public OveruseConflict(String eventId, String passId, String message, Instant reportedAt) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.passId = passId;
        this.message = message;
        this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /** @return the entry event id */
    public String eventId() {
        return eventId;
    }

    /** @return the pass id, or null when unknown */
    public String passId() {
        return passId;
    }

    /** @return the server's message, or null */
    public String message() {
        return message;
    }

    /** @return when the terminal learned about it */
    public Instant reportedAt() {
        return reportedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OveruseConflict && ((OveruseConflict) o).eventId.equals(eventId);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }

    @Override
    public String toString() {
        return "OveruseConflict{event=" + eventId + ", pass=" + passId + ", " + message + '}';
    }
}
