package io.scenicpass.terminal.internal.peer;

import java.io.IOException;

/** The other side of a peer link is not a peer of this gate, or failed to prove the pair key. */
public final class PeerAuthException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public PeerAuthException(String message) {
        super(message);
    }
}
