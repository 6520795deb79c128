package io.scenicpass.terminal;

import io.scenicpass.core.EntryEvent;

/** A journaled entry event not yet acknowledged by the server, with the journal record id to acknowledge. */
public final class PendingEvent {
    private final long recordId;
    private final EntryEvent event;

    /**
     * @param recordId the journal record id (pass it to {@link Gate#markUploaded})
     * @param event the event to upload
     */
    public PendingEvent(long recordId, EntryEvent event) {
        this.recordId = recordId;
        this.event = event;
    }

    /** @return the journal record id */
    public long recordId() {
        return recordId;
    }

    /** @return the entry event */
    public EntryEvent event() {
        return event;
    }

    @Override
    public String toString() {
        return "PendingEvent{" + recordId + ", " + event.eventId() + "}";
    }
}
