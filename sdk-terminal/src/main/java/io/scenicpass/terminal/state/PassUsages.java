package io.scenicpass.terminal.state;

/** A read-only view of the entry ledger ({@link EntryLedger}): what this gate knows about each pass's use. */
public interface PassUsages {
    /** @param passId a pass id @return its usage, {@link PassUsage#NONE} if never seen */
    PassUsage usage(String passId);

    /** @return the last journal record id included */
    long appliedThrough();

    /** @return number of passes with usage */
    int size();
}
