package io.scenicpass.core.wire;

/**
 * Reason codes of {@link EntryAckItem#reason()}. Strings, not an enum: a gate built against this version reads
 * codes a newer server adds (treat an unknown code like its status says).
 */
public final class EntryAckReason {
    /** REJECTED: a field is missing, malformed or out of range (partyCount, ids, times); see the message. */
    public static final String INVALID_EVENT = "INVALID_EVENT";
    /** REJECTED: the event names a gate other than the one the device was enrolled at. */
    public static final String GATE_MISMATCH = "GATE_MISMATCH";
    /** REJECTED: an admission into a zone other than the zone of the device's gate. */
    public static final String ZONE_MISMATCH = "ZONE_MISMATCH";
    /** REJECTED: an admission in a direction the device's gate is not configured for (IN, OUT or BOTH). */
    public static final String DIRECTION_MISMATCH = "DIRECTION_MISMATCH";
    /** OVERUSE_CONFLICT: the pass's allowance was already used by admissions the server had acknowledged. */
    public static final String ALLOWANCE_USED = "ALLOWANCE_USED";

    private EntryAckReason() {}
}
