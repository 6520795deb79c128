package io.scenicpass.server.web;

/**
 * A page's typed refusal: the HTTP status and the error code, whose text the page's bundles give in the visitor's
 * language. Thrown by guards and handlers; rendered by {@link Pages#failure} as the error page.
 */
public final class PageRefusal extends RuntimeException {
    private final int status;
    private final String code;

    public PageRefusal(int status, String code) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
