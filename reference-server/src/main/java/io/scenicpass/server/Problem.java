package io.scenicpass.server;

import io.scenicpass.channel.model.OctoErrorCode;

/**
 * Stable error codes of the services; each API maps them to its own status and body in one place. A problem OCTO
 * has a code for is that code (same name, {@link #octo()}); the others name the OCTO code they are rendered as.
 */
public enum Problem {
    INVALID_PRODUCT_ID,
    INVALID_OPTION_ID,
    INVALID_UNIT_ID,
    INVALID_AVAILABILITY_ID,
    INVALID_BOOKING_UUID,
    /** An unknown cart order, or another channel's (OCTO has no code of its own for it: rendered BAD_REQUEST). */
    INVALID_ORDER_ID(OctoErrorCode.BAD_REQUEST),
    /** Malformed or inconsistent input. */
    BAD_REQUEST,
    /** Well-formed but not possible now (sold out, after the cutoff, no unit items…). */
    UNPROCESSABLE_ENTITY,
    UNAUTHORIZED,
    FORBIDDEN,
    /** A device that is not a kiosk or box office asked to sell (403; counter routes). */
    NOT_A_SELLER(OctoErrorCode.FORBIDDEN),
    /** A kiosk asked for what only a staffed box office may do: cash, shifts, refunds, reprints, offline selling (403). */
    BOX_OFFICE_ONLY(OctoErrorCode.FORBIDDEN),
    /** No such endpoint or file (unknown ids have their INVALID_* problem). */
    NOT_FOUND,
    /** A state conflict (uuid reused with a different body, capacity below sold…). */
    CONFLICT(OctoErrorCode.BAD_REQUEST),
    /** The box office: this device already has an open shift (409). */
    SHIFT_ALREADY_OPEN(OctoErrorCode.BAD_REQUEST),
    /** The box office: wrong cashier or PIN (401, counted by the AuthThrottle like any refused credential). */
    WRONG_PIN(OctoErrorCode.UNAUTHORIZED),
    /** A pick-up: no booking has the code typed at the kiosk (404). */
    BOOKING_NOT_FOUND(OctoErrorCode.BAD_REQUEST),
    /** A pick-up: the booking's tickets were printed already (409; a box office may reprint, audited). */
    ALREADY_PRINTED(OctoErrorCode.BAD_REQUEST),
    /** A reprint of tickets never printed (409: print them first). */
    NOT_PRINTED(OctoErrorCode.BAD_REQUEST),
    /** A pick-up of a cancelled booking (409). */
    BOOKING_CANCELLED(OctoErrorCode.BAD_REQUEST),
    /** A pick-up of a hold that ran out (409). */
    BOOKING_EXPIRED(OctoErrorCode.BAD_REQUEST),
    /** A pick-up of a booking not confirmed yet (409). */
    BOOKING_NOT_CONFIRMED(OctoErrorCode.BAD_REQUEST),
    /** A pick-up of a booking whose visit day is over (409). */
    VISIT_DAY_PASSED(OctoErrorCode.BAD_REQUEST),
    /** An operator change that would leave no active administrator (409; the console's operators). */
    LAST_ADMINISTRATOR(OctoErrorCode.BAD_REQUEST),
    TOO_MANY_REQUESTS,
    PAYLOAD_TOO_LARGE(OctoErrorCode.BAD_REQUEST),
    /** A method-override header or {@code _method} parameter: the request line's method is the only method. */
    METHOD_OVERRIDE_REFUSED(OctoErrorCode.BAD_REQUEST),
    /** An annual pass in a state that does not allow the change asked (e.g. freezing a refunded pass; 409). */
    PASS_STATE(OctoErrorCode.BAD_REQUEST),
    /** An annual pass not activated by its deadline: it cannot be activated any more (409). */
    ACTIVATION_DEADLINE_PASSED(OctoErrorCode.BAD_REQUEST),
    /** A device activation: the scanned text is no annual pass this server sold (404). */
    PASS_UNKNOWN(OctoErrorCode.BAD_REQUEST),
    /** A device activation of an annual pass activated already (409). */
    ALREADY_ACTIVE(OctoErrorCode.BAD_REQUEST),
    /** A device activation of a frozen annual pass (409; the holder appeals). */
    PASS_FROZEN(OctoErrorCode.BAD_REQUEST),
    /** A device activation at a site the pass is not for (409). */
    WRONG_AREA(OctoErrorCode.BAD_REQUEST),
    /** A device activation with another document than the one the pass was bought real-name for (409). */
    DOCUMENT_MISMATCH(OctoErrorCode.BAD_REQUEST),
    /** A device activation with a face the vendor's liveness judged a spoof (422). */
    LIVENESS_FAILED(OctoErrorCode.BAD_REQUEST),
    /** A device activation with a face without a liveness verdict (422). */
    LIVENESS_MISSING(OctoErrorCode.BAD_REQUEST),
    /** An offer or coupon code nobody issued (offers). */
    OFFER_UNKNOWN(OctoErrorCode.UNPROCESSABLE_ENTITY),
    /** The offer does not fit this order: paused, another day, product or unit type, not for this visitor (offers). */
    OFFER_NOT_APPLICABLE(OctoErrorCode.UNPROCESSABLE_ENTITY),
    /** The offer was used as often as it may be, in total or by this visitor (offers). */
    OFFER_LIMIT_REACHED(OctoErrorCode.UNPROCESSABLE_ENTITY),
    /** The coupon's validity ended (offers). */
    COUPON_EXPIRED(OctoErrorCode.UNPROCESSABLE_ENTITY),
    /** The coupon was used already (offers). */
    COUPON_USED(OctoErrorCode.UNPROCESSABLE_ENTITY),
    /** A counter sale refunded on the console that is not paid (a hold, declined, cancelled; 409). */
    SALE_NOT_PAID(OctoErrorCode.BAD_REQUEST),
    /** A counter sale, or a pass of it, that was refunded already (409). */
    ALREADY_REFUNDED(OctoErrorCode.BAD_REQUEST),
    /** A pass used at a gate: it is not refunded (409). */
    PASS_USED(OctoErrorCode.BAD_REQUEST),
    /** A cash refund due that a box office paid out already (409; the same shift asking again gets it again). */
    ALREADY_PAID_OUT(OctoErrorCode.BAD_REQUEST),
    /** Overloaded (no database connection came free in time): 503 with Retry-After, retry later (OCTO has no "busy"). */
    SERVICE_UNAVAILABLE(OctoErrorCode.TOO_MANY_REQUESTS);

    private final OctoErrorCode octo;

    Problem() {
        this.octo = OctoErrorCode.valueOf(name()); // an OCTO code of the same name, or the class fails to load
    }

    Problem(OctoErrorCode octo) {
        this.octo = octo;
    }

    /** The OCTO {@code error} code this problem is rendered as. */
    public OctoErrorCode octo() {
        return octo;
    }
}
