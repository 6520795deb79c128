package io.scenicpass.core;

/** A gate decision. */
public enum Verdict {
    /** Let the visitor in (or out). */
    ADMIT,
    /** Refuse, with a reason code. */
    DENY
}
