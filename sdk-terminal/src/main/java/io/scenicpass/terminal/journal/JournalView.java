package io.scenicpass.terminal.journal;

import java.util.List;

/**
 * A read-only view of a gate's journal, as {@link io.scenicpass.terminal.Gate#journal()} hands it out: how
 * much is waiting for upload and how the disk is doing. Only the gate appends, and only the sync path marks
 * records uploaded.
 */
public interface JournalView {
    /** @return number of records not yet acknowledged by the server */
    int pendingCount();

    /** @param max the most to return @return up to {@code max} pending records, oldest first */
    List<JournalRecord> pending(int max);

    /** @return the current disk state */
    DiskState diskState();

    /** @return bytes the journal occupies (segments and upload log) */
    long usedBytes();

    /** @return number of segment files */
    int segmentCount();

    /** @return how many group-commit forces ran since open (appends per force shows the batching) */
    long forceCount();

    /** @return the configuration */
    JournalConfig config();

    /** @param listener told about disk state changes */
    void addListener(JournalListener listener);
}
