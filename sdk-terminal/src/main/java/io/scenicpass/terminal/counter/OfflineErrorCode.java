package io.scenicpass.terminal.counter;

/** Why an offline sale was not made. */
public enum OfflineErrorCode {
    /** The device's allotment on the slot has fewer places left than the sale needs. */
    ALLOTMENT_EXHAUSTED,
    /** The device holds no allotment on that slot (fetch them with {@code refreshAllotments()} while online). */
    NO_ALLOTMENT,
    /** A unit that is not sold in the slot's allotment, or a sale without items or with a bad method. */
    INVALID_INPUT,
    /** The signer refused the pass (delegation expired, out of scope, not certified). */
    SIGNING_REFUSED,
    /** The sale could not be written to the device's journal: nothing was sold. */
    JOURNAL_FAILED
}
