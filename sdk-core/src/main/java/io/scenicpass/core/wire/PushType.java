package io.scenicpass.core.wire;

/** Kinds of server push; also the SSE event name. */
public enum PushType {
    /** New revocations. */
    REVOCATION,
    /** Blacklist changed. */
    BLACKLIST,
    /** Capacity changed. */
    CAPACITY,
    /** A display message. */
    MESSAGE,
    /** An alert. */
    ALERT,
    /** A new key set. */
    KEYSET,
    /** New device config. */
    CONFIG,
    /** Manifest changed. */
    MANIFEST
}
