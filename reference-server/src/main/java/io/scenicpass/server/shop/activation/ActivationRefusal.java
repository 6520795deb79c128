package io.scenicpass.server.shop.activation;

/**
 * An activation the shop refuses, with a stable code: the page shows the {@code activation} bundle's text of that
 * code in the visitor's language and puts the code in {@code data-code}. Photo problems come as {@code PHOTO_*} codes.
 */
public final class ActivationRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    ActivationRefusal(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** No such annual pass (404). */
    public static ActivationRefusal notFound() {
        return new ActivationRefusal("PASS_NOT_FOUND", 404, "no such annual pass");
    }

    /** The pass exists but the signed-in visitor did not buy it in the shop (403). */
    static ActivationRefusal notYours() {
        return new ActivationRefusal("NOT_YOUR_PASS", 403, "only the visitor who bought the pass may activate it");
    }

    /** A refusal of the form or the pass's state (422). */
    static ActivationRefusal of(String code, String message) {
        return new ActivationRefusal(code, 422, message);
    }

    /** The key of the page's text and the {@code data-code}. */
    public String code() {
        return code;
    }

    /** The page's HTTP status. */
    public int status() {
        return status;
    }
}
