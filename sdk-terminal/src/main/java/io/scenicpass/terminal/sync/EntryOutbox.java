package io.scenicpass.terminal.sync;

import io.scenicpass.core.EntryEvent;
import java.util.Collection;
import java.util.List;

/**
 * The entries waiting for upload, kept durably by the terminal's journal. The sync client reads a batch,
 * uploads it, and marks events uploaded only after the server acknowledged them, so a crash at any point
 * leads to a re-upload that the server recognises by event id.
 */
public interface EntryOutbox {
    /**
     * @param max the largest number of events wanted
     * @return the oldest events not yet marked uploaded, oldest first
     */
    List<EntryEvent> pending(int max);

    /** @param eventIds events the server acknowledged (accepted, duplicate, conflict or rejected) */
    void markUploaded(Collection<String> eventIds);
}
