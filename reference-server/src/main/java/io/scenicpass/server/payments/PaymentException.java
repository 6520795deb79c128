package io.scenicpass.server.payments;

/** A provider call that did not give an answer about the payment: typed, with the provider's code (no secrets). */
public final class PaymentException extends RuntimeException {
    /** What the failure means for the payment. */
    public enum Kind {
        /** The payer's side refused (balance, expired payment code…): the payment definitely did not happen. */
        DECLINED,
        /** No answer in time: the payment may or may not have happened (the reconciler finds out). */
        TIMEOUT,
        /** The provider is failing (5xx, system error): outcome unknown like a timeout. */
        UNAVAILABLE,
        /** The provider refused the request itself (parameters, merchant configuration): nothing happened. */
        REJECTED,
        /** The provider does not know the payment. */
        NOT_FOUND,
        /** A response or notification whose signature does not verify (forged, stale or misconfigured keys). */
        SIGNATURE
    }

    private final Kind kind;
    private final String code;

    public PaymentException(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's error code (e.g. WeChat's {@code NOT_ENOUGH}), or a name of ours. */
    public String code() {
        return code;
    }

    /** True when the payment may have happened even so: the caller must not treat it as failed. */
    public boolean outcomeUnknown() {
        return kind == Kind.TIMEOUT || kind == Kind.UNAVAILABLE;
    }
}
