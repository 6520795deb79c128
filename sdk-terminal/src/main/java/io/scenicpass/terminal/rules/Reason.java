package io.scenicpass.terminal.rules;

import io.scenicpass.terminal.state.EntryLedger;

/**
 * Stable reason codes of gate decisions (they are journaled, uploaded and shown to integrators; never
 * renamed). Error codes of sdk-core's pass verification ({@code BAD_SIGNATURE}, {@code UNKNOWN_KEY}, …)
 * appear under the same names.
 */
public final class Reason {
    /** Admitted. */
    public static final String OK = "OK";
    /** The credential could not be read as a pass. */
    public static final String MALFORMED = "MALFORMED";
    /** A pass format version this gate does not know. */
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";
    /** A signature algorithm this gate does not accept. */
    public static final String UNSUPPORTED_ALGORITHM = "UNSUPPORTED_ALGORITHM";
    /** The signature does not verify. */
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    /** Signed by a key not in the key set (or no key set yet). */
    public static final String UNKNOWN_KEY = "UNKNOWN_KEY";
    /** Signed by a retired key outside its validity. */
    public static final String KEY_RETIRED = "KEY_RETIRED";
    /** Signed by a compromised key. */
    public static final String KEY_COMPROMISED = "KEY_COMPROMISED";
    /** Signed by a key delegated to a box office that the operator revoked. */
    public static final String KEY_REVOKED = "KEY_REVOKED";
    /** Signed by a key delegated to a box office, outside the delegation's validity. */
    public static final String DELEGATION_EXPIRED = "DELEGATION_EXPIRED";
    /** Signed by a key delegated to a box office, for a product, visit date or pass number it may not issue. */
    public static final String DELEGATION_OUT_OF_SCOPE = "DELEGATION_OUT_OF_SCOPE";
    /** The pass was revoked (refunded, cancelled, reissued). */
    public static final String REVOKED = "REVOKED";
    /** The holder is on the person blacklist. */
    public static final String BLACKLISTED = "BLACKLISTED";
    /** Before the validity window (beyond the early tolerance). */
    public static final String NOT_YET_VALID = "NOT_YET_VALID";
    /** After the validity window (beyond the late tolerance). */
    public static final String EXPIRED = "EXPIRED";
    /** Outside the pass's timed slot. */
    public static final String OUTSIDE_SLOT = "OUTSIDE_SLOT";
    /** The pass is for another scenic area. */
    public static final String WRONG_AREA = "WRONG_AREA";
    /** The pass does not allow this zone, or this gate does not serve it. */
    public static final String WRONG_ZONE = "WRONG_ZONE";
    /** This gate does not let people pass in this direction. */
    public static final String WRONG_DIRECTION = "WRONG_DIRECTION";
    /** A single-entry pass already used. */
    public static final String ALREADY_ENTERED = "ALREADY_ENTERED";
    /** All entries (in total or for this zone) used. */
    public static final String NO_ENTRIES_LEFT = "NO_ENTRIES_LEFT";
    /** A pass with a daily allowance (an annual pass: one entry a day) already used it today. */
    public static final String ALREADY_ENTERED_TODAY = "ALREADY_ENTERED_TODAY";
    /** A multi-day pass (N days within a window) was used on all its days already. */
    public static final String DAYS_USED_UP = "DAYS_USED_UP";
    /** An annual pass sold but not activated yet (or past its activation deadline: then EXPIRED). */
    public static final String NOT_ACTIVATED = "NOT_ACTIVATED";
    /** The operator froze the pass (e.g. lent to someone else); the blacklist sync lifts it when unfrozen. */
    public static final String FROZEN = "FROZEN";
    /** Anti-passback: the holder must exit before entering again. */
    public static final String EXIT_REQUIRED = "EXIT_REQUIRED";
    /** More people than the pass covers. */
    public static final String PARTY_TOO_LARGE = "PARTY_TOO_LARGE";
    /** A concession pass, or a product requiring QR + ID, needs the holder's ID document: none was shown. */
    public static final String ID_CHECK_REQUIRED = "ID_CHECK_REQUIRED";
    /**
     * A concession pass with an age range: the document shown is not the holder's and its date of birth is outside
     * the range (or it carries none). Staff: check the visitor's age or sell the right ticket.
     */
    public static final String AGE_NOT_PROVEN = "AGE_NOT_PROVEN";
    /** The document shown is not the pass holder's (real-name pass, or QR + ID product). */
    public static final String HOLDER_MISMATCH = "HOLDER_MISMATCH";
    /** A QR + ID product: the ID alone found the pass, but the pass itself must be shown too. */
    public static final String PASS_REQUIRED = "PASS_REQUIRED";
    /** Child policy ATTENDED, no document: staff at an attended lane must confirm the visitor's age. */
    public static final String STAFF_CHECK_REQUIRED = "STAFF_CHECK_REQUIRED";
    /** Admitted (not a denial): staff at an attended lane confirmed the age of a concession holder without ID. */
    public static final String STAFF_CONFIRMED = "STAFF_CONFIRMED";
    /** An operator-configured rule denied entry. */
    public static final String RULE_DENIED = "RULE_DENIED";
    /** The operator requires a health certificate and none was presented. */
    public static final String HEALTH_CERT_REQUIRED = "HEALTH_CERT_REQUIRED";
    /** The health certificate presented is not valid. */
    public static final String HEALTH_CERT_INVALID = "HEALTH_CERT_INVALID";
    /** A document, card or face resolved to no pass in the local manifest. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** Face: the vendor's liveness check failed on the sample (a photo, a screen, a mask). */
    public static final String LIVENESS_FAILED = "LIVENESS_FAILED";
    /** Face 1:1: the face shown with the pass scores below the threshold against the pass's enrolled face. */
    public static final String FACE_MISMATCH = "FACE_MISMATCH";
    /** Face 1:N: no enrolled holder of a valid pass scores at or above the threshold. */
    public static final String FACE_NOT_MATCHED = "FACE_NOT_MATCHED";
    /** The decision could not be journaled, so the gate stays closed. */
    public static final String JOURNAL_UNAVAILABLE = "JOURNAL_UNAVAILABLE";
    /** An unexpected error in the engine; the gate stays closed (see the log). */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** Journal-only: an admitted visitor did not pass; the entry was given back. */
    public static final String NOT_PASSED = EntryLedger.NOT_PASSED;

    private Reason() {}

    /** @param reason a decision's reason code @return whether it is one an admission carries (OK, STAFF_CONFIRMED) */
    public static boolean admits(String reason) {
        return OK.equals(reason) || STAFF_CONFIRMED.equals(reason);
    }
}
