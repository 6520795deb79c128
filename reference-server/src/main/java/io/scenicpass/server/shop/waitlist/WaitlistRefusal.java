package io.scenicpass.server.shop.waitlist;

/** A typed refusal of the waiting list: a stable code (the key of its text in the {@code shop-waitlist} bundle). */
public final class WaitlistRefusal extends RuntimeException {

    /** Why; {@link #status} is the HTTP status the pages answer with. */
    public enum Code {
        /** No such slot (or not one the shop sells). */
        WAITLIST_UNKNOWN_SLOT(404),
        /** The slot is over: nothing to wait for. */
        WAITLIST_SLOT_OVER(422),
        /** The operator closed the slot. */
        WAITLIST_SLOT_CLOSED(422),
        /** There are places enough for the party: book them instead. */
        WAITLIST_NOT_SOLD_OUT(409),
        /** The visitor is on this slot's list already. */
        WAITLIST_ALREADY_WAITING(409),
        /** More units than a party may ask for, or than the slot has at all. */
        WAITLIST_TOO_MANY_UNITS(422),
        /** A unit that must name its visitor (real-name policy): an offer is held before anyone is named. */
        WAITLIST_NAMED_TICKETS(422),
        /** No units asked for, an unknown unit or a count that is not a small whole number. */
        WAITLIST_BAD_PARTY(422),
        /** No such entry of this visitor. */
        WAITLIST_UNKNOWN_ENTRY(404),
        /** Declining needs an open offer. */
        WAITLIST_NO_OFFER(409);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Code code;

    public WaitlistRefusal(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
