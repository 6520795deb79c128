package io.scenicpass.terminal.sync;

import io.scenicpass.core.KeySet;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.RevocationDelta;

/**
 * Where pulled and pushed changes go: the terminal's local state that decisions read. The sync client
 * calls these methods from its own single thread, one at a time; implementations must keep readers (the
 * gate's decisions) unblocked, e.g. by swapping immutable snapshots.
 *
 * <p>An {@code apply...} method may throw {@code ScenicPassException} with STALE_SEQUENCE when a delta
 * does not continue from the current state; the sync client then pulls again from {@link #cursors()}.
 */
public interface StateSink {
    /** @return where the local state stands */
    SyncCursors cursors();

    /**
     * @param signed the key set as received (to persist it)
     * @param keys the same key set, already verified against the pinned root key
     */
    void applyKeySet(SignedKeySet signed, KeySet keys);

    /** @param delta newly revoked passes, continuing from {@link SyncCursors#revocationSequence()} */
    void applyRevocations(RevocationDelta delta);

    /** @param delta blacklist changes, continuing from {@link SyncCursors#blacklistSequence()} */
    void applyBlacklist(BlacklistDelta delta);

    /** @param delta manifest changes, continuing from {@link SyncCursors#manifestCursor()} */
    void applyManifest(ManifestDelta delta);

    /** @param config the gate's configuration (only called when its version differs) */
    void applyConfig(DeviceConfig config);
}
