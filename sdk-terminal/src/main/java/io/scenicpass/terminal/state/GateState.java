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
import io.scenicpass.terminal.internal.journal.FileOps;
import io.scenicpass.terminal.internal.state.DeltaLog;
import io.scenicpass.terminal.internal.state.OveruseFile;
import io.scenicpass.terminal.time.ClockOffsetStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
public final class GateState implements ClockOffsetStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GateState.class);
    private static final long SNAPSHOT_AFTER_BYTES = 4L << 20;
    private static final int MAX_OVERUSE_NOTICES = 1000;

    private final Path dir;
    private final byte[] rootPublicKey;
    private final ObjectMapper json = WireJson.mapper();
    private final Manifest manifest = new Manifest();
    private final EntryLedger ledger = new EntryLedger();
    private volatile KeySet keySet;
    private volatile RevocationSet revocations;
    private volatile Blacklist blacklist;
    private volatile DeviceConfig config;
    private volatile Duration clockOffset = Duration.ZERO;
    private final List<OveruseNotice> overuse = new ArrayList<>();
    private final DeltaLog revocationLog;
    private final DeltaLog blacklistLog;
    private final DeltaLog manifestLog;

    private GateState(Path dir, byte[] rootPublicKey) throws IOException {
        this.dir = dir;
        this.rootPublicKey = rootPublicKey == null ? null : rootPublicKey.clone();
        Files.createDirectories(dir);
        Path ks = dir.resolve("keyset.json");
        if (Files.exists(ks) && rootPublicKey == null) {
            LOG.warn("a stored key set exists but no root key is pinned; it is not used");
        }
        if (Files.exists(ks) && rootPublicKey != null) {
            try {
                keySet = SignedKeySet.fromJson(read(ks)).verify(rootPublicKey);
            } catch (ScenicPassException e) {
                LOG.error("stored key set does not verify against the pinned root key ({}); ignoring it", e.code());
            }
        }
        revocations = RevocationSet.empty();
        tolerant("revocations.snap", () -> {
            if (Files.exists(dir.resolve("revocations.snap"))) {
                revocations = RevocationSet.readFrom(new ByteArrayInputStream(
                        Files.readAllBytes(dir.resolve("revocations.snap"))));
            }
        });
        List<byte[]> replay = DeltaLog.newReplayList();
        revocationLog = DeltaLog.open(dir.resolve("revocations.log"), replay);
        for (byte[] d : replay) {
            applyQuietly(() -> revocations.apply(json.readValue(d, RevocationDelta.class)));
        }
        blacklist = Blacklist.empty();
        tolerant("blacklist.snap", () -> {
            if (Files.exists(dir.resolve("blacklist.snap"))) {
                blacklist = Blacklist.readFrom(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("blacklist.snap"))));
            }
        });
        replay = DeltaLog.newReplayList();
        blacklistLog = DeltaLog.open(dir.resolve("blacklist.log"), replay);
        for (byte[] d : replay) {
            applyQuietly(() -> blacklist.apply(json.readValue(d, BlacklistDelta.class)));
        }
        Path mf = dir.resolve("manifest.json");
        tolerant("manifest.json", () -> {
            if (Files.exists(mf)) {
                JsonNode root = json.readTree(Files.readAllBytes(mf));
                List<ManifestEntry> entries = json.convertValue(root.path("entries"),
                        new TypeReference<List<ManifestEntry>>() { });
                manifest.replace(root.path("cursor").asLong(0), entries == null ? Collections.emptyList() : entries);
            }
        });
        replay = DeltaLog.newReplayList();
        manifestLog = DeltaLog.open(dir.resolve("manifest.log"), replay);
        for (byte[] d : replay) {
            applyQuietly(() -> manifest.apply(json.readValue(d, ManifestDelta.class)));
        }
        Path cfg = dir.resolve("config.json");
        tolerant("config.json", () -> {
            if (Files.exists(cfg)) {
                config = json.readValue(Files.readAllBytes(cfg), DeviceConfig.class);
            }
        });
        Path clock = dir.resolve("clock.json");
        tolerant("clock.json", () -> {
            if (Files.exists(clock)) {
                clockOffset = Duration.ofMillis(json.readTree(Files.readAllBytes(clock)).path("offsetMillis").asLong());
            }
        });
        tolerant("overuse.json", () -> overuse.addAll(OveruseFile.read(dir.resolve("overuse.json"))));
        Path usage = dir.resolve("usage.json");
        // unreadable: start empty; the gate replays every journal record still on disk into it
        tolerant("usage.json", () -> {
            if (Files.exists(usage)) {
                ledger.load(Files.readAllBytes(usage));
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

    private interface IoAction {
        void run() throws IOException;
    }

    /** A damaged cache file must not keep the gate from starting: log it and go on without it. */
    private static void tolerant(String file, IoAction a) {
        try {
            a.run();
        } catch (IOException | RuntimeException e) {
            LOG.error("state file {} is unreadable ({}); starting without it until the next sync", file, e.toString());
        }
    }

    private static void applyQuietly(IoAction a) {
        try {
            a.run();
        } catch (IOException | ScenicPassException e) {
            LOG.warn("skipping a stored delta that no longer applies: {}", e.toString());
        }
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- key set -------------------------------------------------------------------------------------

    /** @return the current key set, if any */
    public Optional<KeySet> keySet() {
        return Optional.ofNullable(keySet);
    }

    /** @return sequence of the current key set, 0 when none */
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
        KeySet current = keySet;
        if (current != null && verified.sequence() < current.sequence()) {
            throw new ScenicPassException(ErrorCode.STALE_SEQUENCE,
                    "key set " + verified.sequence() + " is older than " + current.sequence());
        }
        if (current != null && verified.sequence() == current.sequence()) {
            return false;
        }
        try {
            write("keyset.json", signed.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist key set", e);
        }
        keySet = verified;
        return true;
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
        KeySet verified = signed.verify(rootPublicKey);
        KeySet current = keySet;
        if (current != null && verified.sequence() < current.sequence()) {
            throw new ScenicPassException(ErrorCode.STALE_SEQUENCE,
                    "key set " + verified.sequence() + " is older than " + current.sequence());
        }
        if (current != null && verified.sequence() == current.sequence()) {
            return false;
        }
        try {
            write("keyset.json", signed.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist key set", e);
        }
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
        persistDelta(revocationLog, delta, "revocations.snap", revocations::writeTo);
    }

    /** @return the person blacklist */
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
        persistDelta(blacklistLog, delta, "blacklist.snap", blacklist::writeTo);
    }

    private interface SnapshotWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Logs an applied delta durably; folds the log into a new snapshot when it grew large. */
    private void persistDelta(DeltaLog log, Object delta, String snapshotName, SnapshotWriter snapshot) {
        try {
            log.append(json.writeValueAsBytes(delta));
            if (log.size() > SNAPSHOT_AFTER_BYTES) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                snapshot.writeTo(out);
                FileOps.writeAtomically(dir.resolve(snapshotName), out.toByteArray());
                log.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist " + snapshotName, e);
        }
    }

    // ---- manifest ------------------------------------------------------------------------------------

    /** @return the manifest */
    public Manifest manifest() {
        return manifest;
    }

    /** @return the manifest cursor to ask the server from */
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
        persistDelta(manifestLog, delta, "manifest.json", out -> {
            ObjectNode root = json.createObjectNode();
            root.put("cursor", manifest.cursor());
            root.set("entries", json.valueToTree(manifest.entries()));
            json.writeValue(out, root);
        });
    }

    // ---- config, clock, over-use ---------------------------------------------------------------------

    /** @return the device configuration from the server, if any */
    public Optional<DeviceConfig> config() {
        return Optional.ofNullable(config);
    }

    /** @return version of the current config, 0 when none */
    public long configVersion() {
        DeviceConfig c = config;
        return c == null ? 0 : c.version();
    }

    /** @return the sequence the revocation set has reached */
    public long revocationSequence() {
        return revocations.sequence();
    }

    /** @return the sequence the blacklist has reached */
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
        try {
            write("config.json", json.writeValueAsBytes(next));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist config", e);
        }
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
        try {
            write("clock.json", json.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist clock offset", e);
        }
        clockOffset = offset;
    }

    /**
     * Keeps an over-use notice (the newest {@value #MAX_OVERUSE_NOTICES} are kept).
     *
     * @param notice the notice
     * @return false when a notice for the same event was already kept
     */
    public synchronized boolean recordOveruse(OveruseNotice notice) {
        for (OveruseNotice n : overuse) {
            if (n.eventId().equals(notice.eventId())) {
                return false;
            }
        }
        overuse.add(notice);
        while (overuse.size() > MAX_OVERUSE_NOTICES) {
            overuse.remove(0);
        }
        try {
            OveruseFile.write(dir.resolve("overuse.json"), overuse);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist over-use notice", e);
        }
        return true;
    }

    /** @return over-use notices kept, oldest first */
    public synchronized List<OveruseNotice> overuseNotices() {
        return new ArrayList<>(overuse);
    }

    // ---- ledger --------------------------------------------------------------------------------------

    /** @return the entry ledger (counts and last direction per pass) */
    public EntryLedger ledger() {
        return ledger;
    }

    /** Writes the ledger's checkpoint (call before journal records it includes may be compacted away). */
    public void checkpointLedger() {
        try {
            write("usage.json", ledger.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist entry ledger", e);
        }
    }

    private void write(String name, byte[] content) throws IOException {
        FileOps.writeAtomically(dir.resolve(name), content);
    }

    /** @return the state directory */
    public Path directory() {
        return dir;
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
