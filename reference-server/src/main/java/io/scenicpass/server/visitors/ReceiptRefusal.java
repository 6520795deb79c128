package io.scenicpass.server.visitors;

/** A receipt refused, with its stable code and HTTP status (the partner API answers {@code {code, message}}). */
public final class ReceiptRefusal extends RuntimeException {
    private final String code;
    private final int status;

    public ReceiptRefusal(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
