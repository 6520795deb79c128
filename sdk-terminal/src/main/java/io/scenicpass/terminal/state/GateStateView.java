package io.scenicpass.terminal.state;

import io.scenicpass.core.Blacklist;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.RevocationSet;
import io.scenicpass.core.wire.DeviceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a gate's local state, as {@link io.scenicpass.terminal.Gate#state()} and rules see it.
 * Only the sync client changes the state (through {@link GateState}, which is not handed out).
 */
public interface GateStateView {
    /** @return the current key set, if any */
    Optional<KeySet> keySet();

    /** @return sequence of the current key set, 0 when none */
    long keySetSequence();

    /** @return the revoked passes (query it; changes arrive through the sync client only) */
    RevocationSet revocations();

    /** @return the sequence the revocation set has reached */
    long revocationSequence();

    /** @return the blacklisted holders (query it; changes arrive through the sync client only) */
    Blacklist blacklist();

    /** @return the sequence the blacklist has reached */
    long blacklistSequence();

    /** @return the manifest (passes of people identified by ID document, card or face) */
    ManifestView manifest();

    /** @return the manifest cursor to ask the server from */
    long manifestCursor();

    /** @return the device configuration from the server, if any */
    Optional<DeviceConfig> config();

    /** @return version of the current config, 0 when none */
    long configVersion();

    /** @return over-use notices kept, oldest first */
    List<OveruseNotice> overuseNotices();

    /** @return entries so far and last direction per pass */
    PassUsages ledger();

    /** @return the state directory */
    Path directory();
}
