package io.scenicpass.terminal.sync;

import io.scenicpass.core.KeySet;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.terminal.state.GateState;
import java.util.Objects;

/** The {@link StateSink} over a gate's durable {@link GateState}; used by {@link SyncClientBuilder#gate}. */
final class GateStateSink implements StateSink {
    private final GateState state;

    GateStateSink(GateState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    @Override
    public SyncCursors cursors() {
        return SyncCursors.of(
                state.keySetSequence(),
                state.revocationSequence(),
                state.blacklistSequence(),
                state.manifestCursor(),
                state.configVersion());
    }

    @Override
    public void applyKeySet(SignedKeySet signed, KeySet keys) {
        state.applyKeySet(signed, keys);
    }

    @Override
    public void applyRevocations(RevocationDelta delta) {
        state.applyRevocations(delta);
    }

    @Override
    public void applyBlacklist(BlacklistDelta delta) {
        state.applyBlacklist(delta);
    }

    @Override
    public void applyManifest(ManifestDelta delta) {
        state.applyManifest(delta);
    }

    @Override
    public void applyConfig(DeviceConfig config) {
        state.applyConfig(config);
    }
}
