package io.scenicpass.terminal.journal;

/**
 * When the journal forces appended records to stable storage.
 *
 * <p>Whatever the policy, a record survives a crash of the process (the operating system keeps the
 * written bytes). The policy matters for power loss and kernel crashes.
 */
public enum FsyncPolicy {
    /**
     * Every append returns only after its record was forced to disk. Concurrent appenders share one
     * {@code force()} (group commit), so throughput grows with the number of lanes.
     */
    ALWAYS,
    /** A background thread forces the journal every {@link JournalConfig#fsyncInterval()}. */
    INTERVAL,
    /** Never force; leave it to the operating system. For tests and benchmarks. */
    NEVER
}
