package io.scenicpass.server.payments;

import io.scenicpass.server.payments.PaymentProvider.Method;
import java.time.Instant;

/** One attempt to take money for an order reference, as stored (no payment code, no payer). */
public record Payment(
        String id,
        String orderRef,
        String provider,
        Method method,
        Money amount,
        String description,
        State state,
        String codeUrl,
        String providerTx,
        String failureCode,
        long refundedFen,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Instant expiresAt) {

    /**
     * PENDING: started, outcome not yet known. SUCCEEDED: paid (completed exactly once). FAILED: definitely not paid
     * (a new attempt for the order may start). ABANDONED: the caller gave up while pending; a late success is refunded.
     * LATE: paid after it was abandoned, refund under way. REFUNDED: all of it paid back.
     */
    public enum State {
        PENDING,
        SUCCEEDED,
        FAILED,
        ABANDONED,
        LATE,
        REFUNDED;

        /** States the reconciler still has to settle. */
        public boolean open() {
            return this == PENDING || this == ABANDONED || this == LATE;
        }
    }
}
