package io.scenicpass.terminal.sync;

/**
 * Where the terminal's local state stands, so the next pull asks only for what changed: the key set
 * sequence, the revocation and blacklist sequences, the manifest cursor and the config version. Zero means
 * "nothing yet". Immutable.
 */
public final class SyncCursors {
    private final long keySetSequence;
    private final long revocationSequence;
    private final long blacklistSequence;
    private final long manifestCursor;
    private final long configVersion;

    private SyncCursors(
            long keySetSequence,
            long revocationSequence,
            long blacklistSequence,
            long manifestCursor,
            long configVersion) {
        this.keySetSequence = keySetSequence;
        this.revocationSequence = revocationSequence;
        this.blacklistSequence = blacklistSequence;
        this.manifestCursor = manifestCursor;
        this.configVersion = configVersion;
    }

    /**
     * @param keySetSequence sequence of the key set in use (0 = none)
     * @param revocationSequence sequence the revocation set has reached
     * @param blacklistSequence sequence the blacklist has reached
     * @param manifestCursor manifest cursor reached
     * @param configVersion version of the config in use (0 = none)
     * @return the cursors
     */
    public static SyncCursors of(
            long keySetSequence,
            long revocationSequence,
            long blacklistSequence,
            long manifestCursor,
            long configVersion) {
        return new SyncCursors(keySetSequence, revocationSequence, blacklistSequence, manifestCursor, configVersion);
    }

    /** @return cursors of a freshly enrolled terminal */
    public static SyncCursors initial() {
        return new SyncCursors(0, 0, 0, 0, 0);
    }

    /** @return key set sequence */
    public long keySetSequence() {
        return keySetSequence;
    }

    /** @return revocation sequence */
    public long revocationSequence() {
        return revocationSequence;
    }

    /** @return blacklist sequence */
    public long blacklistSequence() {
        return blacklistSequence;
    }

    /** @return manifest cursor */
    public long manifestCursor() {
        return manifestCursor;
    }

    /** @return config version */
    public long configVersion() {
        return configVersion;
    }

    @Override
    public String toString() {
        return "SyncCursors{keySet=" + keySetSequence + ", revocations=" + revocationSequence + ", blacklist="
                + blacklistSequence + ", manifest=" + manifestCursor + ", config=" + configVersion + '}';
    }
}
