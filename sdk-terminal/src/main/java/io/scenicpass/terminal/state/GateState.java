package io.scenicpass.terminal.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.state.DeltaLog;
import io.scenicpass.terminal.internal.state.OveruseFile;
import io.scenicpass.terminal.internal.state.StateDir;
import io.scenicpass.terminal.time.ClockOffsetStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a gate needs to decide offline, kept in a directory so it survives a reboot while the network
 * is still down: key set, revocations, person blacklist, manifest, device config, clock offset, over-use
 * notices, and the entry ledger's checkpoint.
 *
 * <p>Small items are replaced atomically (temporary file, fsync, rename). Revocations, blacklist and
 * manifest keep a snapshot plus a forced append-only log of the deltas applied since, folded into a new
 * snapshot when the log grows. Every apply method is durable when it returns.
 *
 * <p>Thread-safe: readers use the current immutable or concurrent structures; writers are serialised.
 */
public final class GateState implements GateStateView, ClockOffsetStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GateState.class);
    private static final int MAX_OVERUSE_NOTICES = 1000;

    private final StateDir dir;
    private final byte[] rootPublicKey;
    private final ObjectMapper json = WireJson.mapper();
    private final Manifest manifest = new Manifest();
    private final EntryLedger ledger = new EntryLedger();
    private volatile KeySet keySet;
    private volatile RevocationSet revocations;
    private volatile Blacklist blacklist;
    private volatile DeviceConfig config;
    private volatile Duration clockOffset = Duration.ZERO;
    private final OveruseFile overuse;
    private final DeltaLog revocationLog;
    private final DeltaLog blacklistLog;
    private final DeltaLog manifestLog;

    private GateState(Path path, byte[] rootPublicKey) throws IOException {
        this.dir = new StateDir(path);
        this.rootPublicKey = rootPublicKey == null ? null : rootPublicKey.clone();
        if (dir.exists("keyset.json") && rootPublicKey == null) {
            LOG.warn("a stored key set exists but no root key is pinned; it is not used");
        }
        if (dir.exists("keyset.json") && rootPublicKey != null) {
            try {
                String stored = new String(dir.readIfExists("keyset.json"), StandardCharsets.UTF_8);
                keySet = SignedKeySet.fromJson(stored).verify(rootPublicKey);
            } catch (ScenicPassException e) {
                LOG.error("stored key set does not verify against the pinned root key ({}); ignoring it", e.code());
            }
        }
        revocations = RevocationSet.empty();
        StateDir.tolerant("revocations.snap", () -> {
            byte[] snap = dir.readIfExists("revocations.snap");
            if (snap != null) {
                revocations = RevocationSet.readFrom(new ByteArrayInputStream(snap));
            }
        });
        revocationLog =
                dir.openLog("revocations.log", d -> revocations.apply(json.readValue(d, RevocationDelta.class)));
        blacklist = Blacklist.empty();
        StateDir.tolerant("blacklist.snap", () -> {
            byte[] snap = dir.readIfExists("blacklist.snap");
            if (snap != null) {
                blacklist = Blacklist.readFrom(new ByteArrayInputStream(snap));
            }
        });
        blacklistLog = dir.openLog("blacklist.log", d -> blacklist.apply(json.readValue(d, BlacklistDelta.class)));
        StateDir.tolerant("manifest.json", () -> {
            byte[] snap = dir.readIfExists("manifest.json");
            if (snap != null) {
                JsonNode root = json.readTree(snap);
                List<ManifestEntry> entries =
                        json.convertValue(root.path("entries"), new TypeReference<List<ManifestEntry>>() {});
                manifest.replace(root.path("cursor").asLong(0), entries == null ? Collections.emptyList() : entries);
            }
        });
        manifestLog = dir.openLog("manifest.log", d -> manifest.apply(json.readValue(d, ManifestDelta.class)));
        StateDir.tolerant("config.json", () -> {
            byte[] stored = dir.readIfExists("config.json");
            if (stored != null) {
                config = json.readValue(stored, DeviceConfig.class);
            }
        });
        StateDir.tolerant("clock.json", () -> {
            byte[] stored = dir.readIfExists("clock.json");
            if (stored != null) {
                clockOffset = Duration.ofMillis(
                        json.readTree(stored).path("offsetMillis").asLong());
            }
        });
        overuse = new OveruseFile(path.resolve("overuse.json"), MAX_OVERUSE_NOTICES);
        StateDir.tolerant("overuse.json", overuse::load);
        // unreadable: start empty; the gate replays every journal record still on disk into it
        StateDir.tolerant("usage.json", () -> {
            byte[] stored = dir.readIfExists("usage.json");
            if (stored != null) {
                ledger.load(stored);
            }
        });
    }

    /**
     * Opens (or creates) the state in a directory.
     *
     * @param dir the state directory
     * @param rootPublicKey the pinned root key (raw Ed25519, 32 bytes) that signs key sets; null when key
     *     sets are only given already verified
     * @return the loaded state
     * @throws UncheckedIOException when the directory cannot be read
     */
    public static GateState open(Path dir, byte[] rootPublicKey) {
        try {
            return new GateState(dir, rootPublicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open gate state at " + dir, e);
        }
    }

    // ---- key set -------------------------------------------------------------------------------------

    /** @return the current key set, if any */
    @Override
    public Optional<KeySet> keySet() {
        return Optional.ofNullable(keySet);
    }

    /** @return sequence of the current key set, 0 when none */
    @Override
    public long keySetSequence() {
        KeySet k = keySet;
        return k == null ? 0 : k.sequence();
    }

    /**
     * Keeps a key set the caller already verified against the pinned root key (the sync client does).
     * It is verified again when this state has the root key; it is persisted either way.
     *
     * @param signed the key set as received
     * @param verified the same key set, verified
     * @return whether it replaced the current set
     * @throws ScenicPassException STALE_SEQUENCE when older than ours; BAD_KEY_SET on a bad signature
     */
    public synchronized boolean applyKeySet(SignedKeySet signed, KeySet verified) {
        if (rootPublicKey != null) {
            return applyKeySet(signed);
        }
        return keepIfNewer(signed, verified);
    }

    /**
     * Verifies a signed key set against the pinned root key and keeps it when it is newer.
     *
     * @param signed the signed key set from the server
     * @return whether it replaced the current set
     * @throws ScenicPassException BAD_KEY_SET on a bad signature; STALE_SEQUENCE when older than ours
     */
    public synchronized boolean applyKeySet(SignedKeySet signed) {
        if (rootPublicKey == null) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "no pinned root key to verify the key set");
        }
        return keepIfNewer(signed, signed.verify(rootPublicKey));
    }

    private boolean keepIfNewer(SignedKeySet signed, KeySet verified) {
        KeySet current = keySet;
        if (current != null && verified.sequence() < current.sequence()) {
            throw new ScenicPassException(
                    ErrorCode.STALE_SEQUENCE,
                    "key set " + verified.sequence() + " is older than " + current.sequence());
        }
        if (current != null && verified.sequence() == current.sequence()) {
            return false;
        }
        dir.write("keyset.json", signed.toJson().getBytes(StandardCharsets.UTF_8), "key set");
        keySet = verified;
        return true;
    }

    /**
     * Uses an already verified key set when none newer is stored (embedding or tests). Not persisted.
     *
     * @param trusted the key set
     */
    public synchronized void useTrustedKeySet(KeySet trusted) {
        if (keySet == null || keySet.sequence() < trusted.sequence()) {
            keySet = trusted;
        }
    }

    // ---- revocations and blacklist -------------------------------------------------------------------

    /** @return the revocation set */
    @Override
    public RevocationSet revocations() {
        return revocations;
    }

    /**
     * Applies a revocation delta durably.
     *
     * @param delta the delta
     * @throws ScenicPassException STALE_SEQUENCE when it does not start at our sequence
     */
    public synchronized void applyRevocations(RevocationDelta delta) {
        long before = revocations.sequence();
        revocations.apply(delta);
        if (revocations.sequence() == before) {
            return;
        }
        dir.persistDelta(revocationLog, bytes(delta, "revocations"), "revocations.snap", revocations::writeTo);
    }

    /** @return the person blacklist */
    @Override
    public Blacklist blacklist() {
        return blacklist;
    }

    /**
     * Applies a blacklist delta durably.
     *
     * @param delta the delta
     * @throws ScenicPassException STALE_SEQUENCE when it does not start at our sequence
     */
    public synchronized void applyBlacklist(BlacklistDelta delta) {
        long before = blacklist.sequence();
        blacklist.apply(delta);
        if (blacklist.sequence() == before) {
            return;
        }
        dir.persistDelta(blacklistLog, bytes(delta, "blacklist"), "blacklist.snap", blacklist::writeTo);
    }

    private byte[] bytes(Object value, String what) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist " + what, e);
        }
    }

    // ---- manifest ------------------------------------------------------------------------------------

    /** @return the manifest */
    @Override
    public Manifest manifest() {
        return manifest;
    }

    /** @return the manifest cursor to ask the server from */
    @Override
    public long manifestCursor() {
        return manifest.cursor();
    }

    /**
     * Applies a manifest delta durably.
     *
     * @param delta the delta
     * @throws ScenicPassException STALE_SEQUENCE when it leaves a gap
     */
    public synchronized void applyManifest(ManifestDelta delta) {
        if (!manifest.apply(delta)) {
            return;
        }
        dir.persistDelta(manifestLog, bytes(delta, "manifest"), "manifest.json", out -> {
            ObjectNode root = json.createObjectNode();
            root.put("cursor", manifest.cursor());
            root.set("entries", json.valueToTree(manifest.entries()));
            json.writeValue(out, root);
        });
    }

    // ---- config, clock, over-use ---------------------------------------------------------------------

    /** @return the device configuration from the server, if any */
    @Override
    public Optional<DeviceConfig> config() {
        return Optional.ofNullable(config);
    }

    /** @return version of the current config, 0 when none */
    @Override
    public long configVersion() {
        DeviceConfig c = config;
        return c == null ? 0 : c.version();
    }

    /** @return the sequence the revocation set has reached */
    @Override
    public long revocationSequence() {
        return revocations.sequence();
    }

    /** @return the sequence the blacklist has reached */
    @Override
    public long blacklistSequence() {
        return blacklist.sequence();
    }

    /**
     * Keeps a device config unless it is older than the current one.
     *
     * @param next the config
     * @return whether it replaced the current one
     */
    public synchronized boolean applyConfig(DeviceConfig next) {
        if (config != null && next.version() < config.version()) {
            return false;
        }
        dir.write("config.json", bytes(next, "config"), "config");
        config = next;
        return true;
    }

    @Override
    public Duration loadOffset() {
        return clockOffset;
    }

    @Override
    public synchronized void saveOffset(Duration offset) {
        ObjectNode n = json.createObjectNode();
        n.put("offsetMillis", offset.toMillis());
        dir.write("clock.json", bytes(n, "clock offset"), "clock offset");
        clockOffset = offset;
    }

    /**
     * Keeps an over-use notice (the newest {@value #MAX_OVERUSE_NOTICES} are kept).
     *
     * @param notice the notice
     * @return false when a notice for the same event was already kept
     */
    public boolean recordOveruse(OveruseNotice notice) {
        return overuse.record(notice);
    }

    /** @return over-use notices kept, oldest first */
    @Override
    public List<OveruseNotice> overuseNotices() {
        return overuse.notices();
    }

    // ---- ledger --------------------------------------------------------------------------------------

    /** @return the entry ledger (counts and last direction per pass) */
    @Override
    public EntryLedger ledger() {
        return ledger;
    }

    /** Writes the ledger's checkpoint (call before journal records it includes may be compacted away). */
    public void checkpointLedger() {
        dir.write("usage.json", ledger.toJson(), "entry ledger");
    }

    /** @return the state directory */
    @Override
    public Path directory() {
        return dir.path();
    }

    @Override
    public synchronized void close() {
        try {
            revocationLog.close();
            blacklistLog.close();
            manifestLog.close();
        } catch (IOException e) {
            LOG.warn("closing gate state: {}", e.toString());
        }
    }
}
