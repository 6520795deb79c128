package io.scenicpass.core;

/** The kinds of pass. The CBOR code of each kind is its ordinal (see docs/protocol.md). */
public enum PassKind {
    /** One entry on one day. */
    SINGLE_ENTRY,
    /** Entry within a reserved time slot (the default kind on the wire). */
    TIMED_SLOT,
    /** Any number of entries (subject to the entries allowance) during one day. */
    DAY,
    /** Several consecutive days. */
    MULTI_DAY,
    /** A season or annual pass, usually bound to a holder. */
    ANNUAL,
    /** A group admitted together; see {@link Claims#partySize()}. */
    GROUP
}
