package io.scenicpass.server.adapters.ctrip;

/** A request the adapter answers with a Ctrip error code (and a message saying what was wrong). */
public final class CtripException extends RuntimeException {
    public final CtripCode code;

    public CtripException(CtripCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }
}
