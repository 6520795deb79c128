package io.scenicpass.server.shop.tickets;

/**
 * A refund or date change the visitor cannot have, with a stable code: the pages show the text of that code in the
 * visitor's language ({@code shop-tickets} bundle, key = the code) and put the code in {@code data-code}.
 */
public final class TicketRefusal extends RuntimeException {
    /** Why: each is a key of the {@code shop-tickets} texts. */
    public enum Code {
        /** No such order for this visitor (shown as 404). */
        ORDER_NOT_FOUND,
        /** The product's cancellation cutoff before the slot has passed. */
        CUTOFF_PASSED,
        /** A pass (or the whole order) was used at a gate already. */
        ALREADY_USED,
        /** The passes were refunded already (or the order cancelled). */
        ALREADY_REFUNDED,
        /** The order is not paid and confirmed (a hold, expired). */
        NOT_CONFIRMED,
        /** Nothing chosen, or a pass that is not of this order. */
        BAD_SELECTION,
        /** The new slot has not enough places left. */
        SOLD_OUT,
        /** The new slot is unknown, closed, over or the same as now. */
        BAD_SLOT,
        /** Refused by the booking's rules for another reason (e.g. a document's daily limit on the new day). */
        REFUSED
    }

    private final Code code;
    private final String detail;

    public TicketRefusal(Code code, String detail) {
        super(code + ": " + detail);
        this.code = code;
        this.detail = detail;
    }

    /** What exactly was refused (the sales services' words for {@link Code#REFUSED}). */
    public String detail() {
        return detail;
    }

    public Code code() {
        return code;
    }
}
