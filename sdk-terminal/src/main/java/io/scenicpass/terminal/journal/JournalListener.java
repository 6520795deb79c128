package io.scenicpass.terminal.journal;

/** Told when the journal's disk state changes (for example to raise an alarm on the gate display). */
@FunctionalInterface
public interface JournalListener {
    /**
     * Called on the thread that caused the change; must not block.
     *
     * @param previous the state before
     * @param current the state now
     * @param usedBytes bytes the journal occupies on disk
     * @param budgetBytes the configured budget
     */
    void diskStateChanged(DiskState previous, DiskState current, long usedBytes, long budgetBytes);
}
