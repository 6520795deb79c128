package io.scenicpass.terminal.sync;

import io.scenicpass.core.Blacklist;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.RevocationSet;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.RevocationDelta;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A StateSink over the real sdk-core RevocationSet and Blacklist, recording what was applied. */
final class MemoryState implements StateSink {
    final RevocationSet revocations = RevocationSet.empty();
    final Blacklist blacklist = Blacklist.empty();
    final Map<String, ManifestEntry> manifest = new ConcurrentHashMap<>();
    final List<String> applied = new CopyOnWriteArrayList<>();
    volatile long manifestCursor;
    volatile KeySet keySet;
    volatile DeviceConfig config;

    @Override
    public SyncCursors cursors() {
        return SyncCursors.of(
                keySet == null ? 0 : keySet.sequence(),
                revocations.sequence(),
                blacklist.sequence(),
                manifestCursor,
                config == null ? 0 : config.version());
    }

    @Override
    public void applyKeySet(SignedKeySet signed, KeySet keys) {
        keySet = keys;
        applied.add("keyset:" + keys.sequence());
    }

    @Override
    public void applyRevocations(RevocationDelta delta) {
        revocations.apply(delta);
        applied.add("revocations:" + delta.fromSequence() + "-" + delta.toSequence());
    }

    @Override
    public void applyBlacklist(BlacklistDelta delta) {
        blacklist.apply(delta);
        applied.add("blacklist:" + delta.fromSequence() + "-" + delta.toSequence());
    }

    @Override
    public synchronized void applyManifest(ManifestDelta delta) {
        if (delta.fromCursor() != manifestCursor) {
            throw new ScenicPassException(ErrorCode.STALE_SEQUENCE, "manifest gap");
        }
        for (ManifestEntry e : delta.upserts()) {
            manifest.put(e.passId(), e);
        }
        for (String id : delta.removedPassIds()) {
            manifest.remove(id);
        }
        manifestCursor = delta.toCursor();
        applied.add("manifest:" + delta.fromCursor() + "-" + delta.toCursor());
    }

    @Override
    public void applyConfig(DeviceConfig c) {
        config = c;
        applied.add("config:" + c.version());
    }
}
