package io.scenicpass.terminal.health;

/** A failed verification step (internal control flow; callers get a {@link HealthCertificateResult}). */
final class DccException extends Exception {
    private static final long serialVersionUID = 1L;
    private final HealthCertificateReason reason;

    DccException(HealthCertificateReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    HealthCertificateReason reason() {
        return reason;
    }
}
