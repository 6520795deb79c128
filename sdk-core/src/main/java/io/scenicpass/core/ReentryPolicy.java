package io.scenicpass.core;

/** Re-entry policy of a pass. The CBOR code of each policy is its ordinal. */
public enum ReentryPolicy {
    /** No re-entry. */
    SINGLE,
    /** Anti-passback: another entry needs an exit in between, up to the entries allowed. */
    AFTER_EXIT,
    /** No passback check; still capped by the entries allowed. */
    UNLIMITED
}
