package io.scenicpass.server.sales;

/**
 * Where a booking is in its life, and which moves it may make. The names are the strings stored in
 * {@code booking.status} (and OCTO's); the OCTO view maps them to the channel model's {@code BookingStatus}.
 *
 * <pre>
 * ON_HOLD ──confirm──▶ CONFIRMED ──first entry──▶ REDEEMED
 *    │ └──expiry──▶ EXPIRED      │
 *    └──cancel──▶ CANCELLED ◀──cancel (before the cutoff)
 * </pre>
 */
public enum BookingState {
    ON_HOLD,
    CONFIRMED,
    REDEEMED,
    CANCELLED,
    EXPIRED;

    /** Whether this booking may move to {@code next} (the compare-and-set updates only ever make these moves). */
    public boolean canBecome(BookingState next) {
        return switch (this) {
            case ON_HOLD -> next == CONFIRMED || next == CANCELLED || next == EXPIRED;
            case CONFIRMED -> next == REDEEMED || next == CANCELLED;
            case REDEEMED, CANCELLED, EXPIRED -> false;
        };
    }

    /** A hold that may still be confirmed (its expiry aside). */
    public boolean canConfirm() {
        return canBecome(CONFIRMED);
    }

    /** A booking that may still be cancelled (a confirmed one only before its product's cutoff). */
    public boolean canCancel() {
        return canBecome(CANCELLED);
    }

    /** Sold: the places are counted as sold and the passes issued (CONFIRMED or REDEEMED). */
    public boolean isSold() {
        return this == CONFIRMED || this == REDEEMED;
    }

    /** The refund a cancellation from this state gives (stored in {@code booking.cancel_refund}): a hold paid nothing. */
    public String cancelRefund() {
        if (!canCancel()) {
            throw new IllegalStateException("a booking " + this + " cannot be cancelled");
        }
        return this == ON_HOLD ? "NONE" : "FULL";
    }
}
