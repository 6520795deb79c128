package io.scenicpass.cli.kioskui;

/** A refusal the visitor must see: the server's (or a device's) code and its message. */
public final class KioskError extends RuntimeException {
    private final String code;

    public KioskError(String code, String message) {
        super(message);
        this.code = code;
    }

    public KioskError(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the error code, e.g. SOLD_OUT, PAYMENT_DECLINED, UNAVAILABLE */
    public String code() {
        return code;
    }
}
