package io.scenicpass.terminal;

import io.scenicpass.core.EntryEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The gate's journaled entry events waiting for upload, addressed by event id: read a batch with
 * {@link #pending(int)}, upload it, and {@link #markUploaded(Collection)} once the server acknowledged it.
 * A crash in between re-uploads; the server is idempotent by event id. Obtain it from {@link Gate#outbox()}.
 */
public final class GateOutbox {
    private final Gate gate;

    GateOutbox(Gate gate) {
        this.gate = gate;
    }

    /**
     * @param max the most to return
     * @return the oldest events not yet acknowledged, oldest first
     */
    public List<EntryEvent> pending(int max) {
        List<EntryEvent> out = new ArrayList<>();
        for (PendingEvent p : gate.pendingEvents(max)) {
            out.add(p.event());
        }
        return out;
    }

    /** @param eventIds events the server acknowledged (accepted, duplicate, conflict or rejected) */
    public void markUploaded(Collection<String> eventIds) {
        gate.markUploadedEvents(eventIds);
    }

    /** @return number of events waiting */
    public int pendingCount() {
        return gate.journal().pendingCount();
    }
}
