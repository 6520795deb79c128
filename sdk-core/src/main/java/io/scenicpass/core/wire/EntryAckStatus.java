package io.scenicpass.core.wire;

/** Outcome of one uploaded entry event. */
public enum EntryAckStatus {
    /** Stored. */
    ACCEPTED,
    /** Already stored (same event id); harmless. */
    DUPLICATE,
    /** Stored, but the pass was used more often than allowed across gates. */
    OVERUSE_CONFLICT,
    /** Not stored; see message. */
    REJECTED
}
