package io.scenicpass.server.counter;

/**
 * Where a counter sale stands (stored in {@code counter_sale.state}). AWAITING_PAYMENT: places held, not paid yet.
 * CONFIRMING (internal, shown as AWAITING_PAYMENT): paid, the booking being confirmed. PAID: confirmed, tickets
 * issued. DECLINED: the last payment failed, may pay again. CANCELLED, EXPIRED: places back, nothing sold (a payment
 * that succeeds anyway is refunded). REFUNDED: paid, then refunded at the box office.
 */
public enum SaleState {
    AWAITING_PAYMENT,
    CONFIRMING,
    PAID,
    DECLINED,
    CANCELLED,
    EXPIRED,
    REFUNDED;

    /** Still open for payment (a hold that may be paid and confirmed). */
    public boolean payable() {
        return this == AWAITING_PAYMENT || this == DECLINED;
    }

    /** Ended without a sale: any payment of it must be given back. */
    public boolean unsold() {
        return this == CANCELLED || this == EXPIRED;
    }

    /** The state the wire shows ({@link #CONFIRMING} is internal). */
    public String wire() {
        return this == CONFIRMING ? AWAITING_PAYMENT.name() : name();
    }
}
