package io.scenicpass.terminal.journal;

/** How close the journal is to its disk budget. */
public enum DiskState {
    /** Below the alarm threshold. */
    OK,
    /** Above the alarm threshold: uploads are overdue; appends still succeed. */
    ALARM,
    /** The budget is used up: appends fail with {@link JournalFullException} until records are uploaded. */
    FULL
}
