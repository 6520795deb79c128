package io.scenicpass.terminal.journal;

/** The disk budget is used up; upload and compact before appending again. */
public final class JournalFullException extends JournalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param usedBytes bytes in use
     * @param budgetBytes the budget
     */
    public JournalFullException(long usedBytes, long budgetBytes) {
        super("JOURNAL_FULL", "journal disk budget used up: " + usedBytes + " of " + budgetBytes + " bytes", null);
    }
}
