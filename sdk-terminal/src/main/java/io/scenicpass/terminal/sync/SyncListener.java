package io.scenicpass.terminal.sync;

import io.scenicpass.core.wire.PushMessage;
import io.scenicpass.terminal.state.OveruseNotice;

/**
 * Told about sync events the gate application may show. Called on the sync thread; must not block.
 * Every method has an empty default, so implement only what you need.
 */
public interface SyncListener {
    /**
     * @param previous the state before
     * @param current the state now
     */
    default void connectivityChanged(Connectivity previous, Connectivity current) {}

    /** @param conflict the server says an uploaded entry was over-use */
    default void overuseConflict(OveruseNotice conflict) {}

    /**
     * @param eventId an uploaded entry the server refused for good (kept in the journal, not re-sent)
     * @param message the server's reason
     */
    default void entryRejected(String eventId, String message) {}

    /**
     * @param message a push for the display (remaining capacity, operator message, alert); state
     *                changes (revocations, blacklist, key set, config, manifest) are applied, not forwarded
     */
    default void displayPush(PushMessage message) {}

    /** The server refused the device token (401/403): the device must be enrolled again. */
    default void unauthorized() {}
}
