package io.scenicpass.terminal.internal.sync;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.terminal.sync.StateSink;
import io.scenicpass.terminal.sync.SyncCursors;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls what changed since the terminal's cursors and hands it to the {@link StateSink}: key set (only when
 * signed by the pinned root and newer), config (when its version differs), and the revocation, blacklist
 * and manifest deltas page by page. Runs on the sync thread only.
 */
public final class Puller {
    private static final Logger LOG = LoggerFactory.getLogger(Puller.class);
    private final TerminalApi api;
    private final StateSink sink;
    private final byte[] pinnedRoot;
    private final int pageSize;
    private final int maxPages;

    /**
     * @param api the terminal API
     * @param sink where changes go
     * @param pinnedRoot the root public key pinned at enrollment
     * @param pageSize items asked per page
     * @param maxPages pages fetched per kind in one cycle (the rest comes next cycle)
     */
    public Puller(TerminalApi api, StateSink sink, byte[] pinnedRoot, int pageSize, int maxPages) {
        this.api = Objects.requireNonNull(api, "api");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.pinnedRoot = pinnedRoot.clone();
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /** @return whether a newer key set was applied */
    public boolean keySet() {
        SignedKeySet signed = api.get(api.url("keyset").build(), SignedKeySet.class);
        return applyKeySet(signed);
    }

    /**
     * @param signed a key set from a pull or a push
     * @return whether it was newer and applied
     */
    public boolean applyKeySet(SignedKeySet signed) {
        KeySet keys;
        try {
            keys = signed.verify(pinnedRoot);
        } catch (ScenicPassException e) {
            throw new SyncException(
                    SyncErrorCode.BAD_KEY_SET,
                    "key set not signed by the pinned root key (" + e.code() + ")",
                    0,
                    null,
                    e);
        }
        long current = sink.cursors().keySetSequence();
        if (keys.sequence() < current) {
            LOG.warn("ignoring key set {} older than the one in use ({})", keys.sequence(), current);
            return false;
        }
        if (keys.sequence() == current) {
            return false;
        }
        sink.applyKeySet(signed, keys);
        return true;
    }

    /** @return whether a different config was applied */
    public boolean config() {
        DeviceConfig config = api.get(api.url("config").build(), DeviceConfig.class);
        if (config.version() == sink.cursors().configVersion()) {
            return false;
        }
        sink.applyConfig(config);
        return true;
    }

    /** @return revoked pass ids applied */
    public int revocations() {
        int applied = 0;
        for (int page = 0; page < maxPages; page++) {
            long since = sink.cursors().revocationSequence();
            RevocationDelta d = api.get(
                    api.url("revocations")
                            .addQueryParameter("since", Long.toString(since))
                            .addQueryParameter("limit", Integer.toString(pageSize))
                            .build(),
                    RevocationDelta.class);
            if (d.toSequence() <= since) {
                return applied;
            }
            if (!applyRevocations(d)) {
                continue;
            }
            applied += d.revokedPassIds() == null ? 0 : d.revokedPassIds().size();
            if (!d.more()) {
                return applied;
            }
        }
        return applied;
    }

    /**
     * @param d a delta from a pull or a push
     * @return false when it did not continue from the current sequence (pull again)
     */
    public boolean applyRevocations(RevocationDelta d) {
        try {
            sink.applyRevocations(d);
            return true;
        } catch (ScenicPassException e) {
            if (e.code() == ErrorCode.STALE_SEQUENCE) {
                return false;
            }
            throw e;
        }
    }

    /** @return blacklist changes applied */
    public int blacklist() {
        int applied = 0;
        for (int page = 0; page < maxPages; page++) {
            long since = sink.cursors().blacklistSequence();
            BlacklistDelta d = api.get(
                    api.url("blacklist")
                            .addQueryParameter("since", Long.toString(since))
                            .addQueryParameter("limit", Integer.toString(pageSize))
                            .build(),
                    BlacklistDelta.class);
            if (d.toSequence() <= since) {
                return applied;
            }
            if (!applyBlacklist(d)) {
                continue;
            }
            applied += size(d.added()) + size(d.removed());
            if (!d.more()) {
                return applied;
            }
        }
        return applied;
    }

    /**
     * @param d a delta from a pull or a push
     * @return false when it did not continue from the current sequence
     */
    public boolean applyBlacklist(BlacklistDelta d) {
        try {
            sink.applyBlacklist(d);
            return true;
        } catch (ScenicPassException e) {
            if (e.code() == ErrorCode.STALE_SEQUENCE) {
                return false;
            }
            throw e;
        }
    }

    /** @return manifest upserts and removals applied */
    public int manifest() {
        int applied = 0;
        for (int page = 0; page < maxPages; page++) {
            long cursor = sink.cursors().manifestCursor();
            ManifestDelta d = api.get(
                    api.url("manifest")
                            .addQueryParameter("cursor", Long.toString(cursor))
                            .addQueryParameter("limit", Integer.toString(pageSize))
                            .build(),
                    ManifestDelta.class);
            if (d.toCursor() <= cursor) {
                return applied;
            }
            if (!applyManifest(d)) {
                continue;
            }
            applied += size(d.upserts()) + size(d.removedPassIds());
            if (!d.more()) {
                return applied;
            }
        }
        return applied;
    }

    /**
     * @param d a delta from a pull or a push
     * @return false when it did not continue from the current cursor
     */
    public boolean applyManifest(ManifestDelta d) {
        try {
            sink.applyManifest(d);
            return true;
        } catch (ScenicPassException e) {
            if (e.code() == ErrorCode.STALE_SEQUENCE) {
                return false;
            }
            throw e;
        }
    }

    /** @return the sink's cursors */
    public SyncCursors cursors() {
        return sink.cursors();
    }

    private static int size(java.util.Collection<?> c) {
        return c == null ? 0 : c.size();
    }
}
