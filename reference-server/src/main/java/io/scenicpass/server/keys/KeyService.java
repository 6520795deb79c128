package io.scenicpass.server.keys;

import io.scenicpass.core.Algorithm;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.KeyStatus;
import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.keys.IssuerKeyStore.KeyRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuer and root keys. Private keys are stored as encrypted PKCS#8 PEM files in {@code <data>/keys}
 * ({@code root.pem}, {@code issuer-<keyId>.pem}); their public parts and statuses live in the database,
 * from which the signed key set for the gates is built.
 */
public final class KeyService {
    private static final Logger LOG = LoggerFactory.getLogger(KeyService.class);
    /** How long an issuer key signs before it should be rotated, and how long a retired key still verifies. */
    static final Duration ISSUER_LIFETIME = Duration.ofDays(730);

    /** The setting holding the key set's sequence less the number of pass codes (bumped by key changes). */
    static final String SEQUENCE = "keyset.sequence";

    static final Duration RETIRED_GRACE = Duration.ofDays(400);

    private final Database db;
    private final IssuerKeyStore store;
    private final SettingStore settings;
    private final Path keysDir;
    private final char[] passphrase;
    private final Clock clock;
    private final SecureRandom random;
    private volatile IssuerKey root;
    private volatile IssuerKey active;
    private final PassCodeBook codes;
    private final DelegationStore delegations = new DelegationStore();

    public KeyService(
            Database db,
            IssuerKeyStore store,
            SettingStore settings,
            Path keysDir,
            char[] passphrase,
            Clock clock,
            SecureRandom random) {
        this.db = db;
        this.store = store;
        this.settings = settings;
        this.keysDir = keysDir;
        this.passphrase = passphrase.clone();
        this.clock = clock;
        this.random = random;
        this.codes = new PassCodeBook(db);
    }

    /** The pass codes signed passes carry instead of ids (docs/protocol.md §2). */
    public PassCodeBook codes() {
        return codes;
    }

    /** Loads the root and active issuer keys, creating them on first start. */
    public synchronized void start() {
        SecureFiles.ownerOnlyDirectory(keysDir);
        Path rootFile = keysDir.resolve("root.pem");
        List<KeyRow> roots = db.read(c -> store.list(c, "ROOT"));
        if (Files.exists(rootFile)) {
            root = IssuerKey.fromEncryptedPem(read(rootFile), passphrase);
        } else if (roots.isEmpty()) {
            root = IssuerKey.generate(random);
            write(rootFile, root.toEncryptedPem(passphrase));
        } else {
            throw new IllegalStateException(
                    "the database knows root key " + roots.get(0).keyId() + " but " + rootFile
                            + " is missing: copy the keys directory from the first server");
        }
        if (roots.isEmpty()) {
            insert(
                    root,
                    "ROOT",
                    KeyStatus.ACTIVE,
                    clock.instant(),
                    clock.instant().plus(Duration.ofDays(3650)));
        }
        List<KeyRow> issuers = db.read(c -> store.list(c, "ISSUER"));
        KeyRow current = issuers.stream()
                .filter(k -> k.status().equals("ACTIVE"))
                .reduce((a, b) -> b)
                .orElse(null);
        if (current == null) {
            active = createIssuer();
        } else {
            Path f = keysDir.resolve("issuer-" + safe(current.keyId()) + ".pem");
            if (!Files.exists(f)) {
                throw new IllegalStateException("active issuer key " + current.keyId() + " has no file " + f
                        + ": copy the keys directory from the first server");
            }
            active = IssuerKey.fromEncryptedPem(read(f), passphrase);
        }
        LOG.info("issuer key {} active; root key {}", active.keyId(), root.keyId());
    }

    /** The key that signs new passes (reloaded from the database if another process rotated it). */
    public IssuerKey active() {
        return active;
    }

    public IssuerKey root() {
        return root;
    }

    /** Generates a new issuer key, makes it ACTIVE and retires the previous one. Returns the new key id. */
    public synchronized String rotate() {
        IssuerKey previous = active;
        active = createIssuer();
        db.tx(c -> {
            store.setStatus(c, previous.keyId(), "RETIRED");
            return null;
        });
        LOG.info("rotated issuer key {} -> {}", previous.keyId(), active.keyId());
        return active.keyId();
    }

    /** Marks a key compromised: gates then refuse every pass it signed. Rotates first when it is active. */
    public synchronized void markCompromised(String keyId) {
        List<KeyRow> rows = keys();
        if (rows.stream().noneMatch(k -> k.keyId().equals(keyId) && k.role().equals("ISSUER"))) {
            throw new ServiceException(Problem.NOT_FOUND, "no such issuer key", keyId);
        }
        if (active.keyId().equals(keyId)) {
            rotate();
        }
        db.tx(c -> {
            store.setStatus(c, keyId, "COMPROMISED");
            bumpSequence(c);
            return null;
        });
    }

    public List<KeyRow> keys() {
        return db.read(c -> {
            List<KeyRow> all = new ArrayList<>(store.list(c, "ISSUER"));
            all.addAll(store.list(c, "ROOT"));
            return all;
        });
    }

    /** The issuer keys as a key set signed by the root key (what gates pin and download). */
    public SignedKeySet signedKeySet() {
        return db.read(c -> {
            List<PublicKeyEntry> entries = new ArrayList<>();
            for (KeyRow k : store.list(c, "ISSUER")) {
                entries.add(entry(k));
            }
            // keys delegated to box offices, revoked ones too, until their validity ends (Delegations)
            for (DelegationStore.DelegationRow d : delegations.validAfter(c, clock.instant())) {
                entries.add(d.entry(d.revokedAt() == null ? List.of() : delegations.honoured(c, d.keyId())));
            }
            // + the number of pass codes: a new code moves the set on (gates fetch it) without the issuing
            // transaction writing the sequence row, which concurrent confirms would queue (or deadlock) on
            long seq = Long.parseLong(settings.get(c, SEQUENCE).orElse("1")) + codes.count(c);
            return KeySet.of(seq, clock.instant(), entries, codes.book(c)).sign(root);
        });
    }

    /**
     * The key set entry of a stored issuer key, from the public key in its row: no private key file is read (decrypting
     * one costs a PBKDF2 derivation, ~0.1–1 s of CPU, which once held every terminal's key-set and online-check
     * request behind it after each rotation).
     */
    private static PublicKeyEntry entry(KeyRow k) {
        return PublicKeyEntry.of(
                k.keyId(),
                Algorithm.EDDSA,
                Base64.getDecoder().decode(k.publicKeyBase64()),
                k.validFrom(),
                k.validUntil(),
                KeyStatus.valueOf(k.status()));
    }

    private IssuerKey createIssuer() {
        IssuerKey k = IssuerKey.generate(random);
        write(keysDir.resolve("issuer-" + safe(k.keyId()) + ".pem"), k.toEncryptedPem(passphrase));
        Instant now = clock.instant();
        insert(k, "ISSUER", KeyStatus.ACTIVE, now, now.plus(ISSUER_LIFETIME).plus(RETIRED_GRACE));
        return k;
    }

    private void insert(IssuerKey k, String role, KeyStatus status, Instant from, Instant until) {
        db.tx(c -> {
            store.insert(
                    c,
                    new KeyRow(
                            k.keyId(),
                            role,
                            Base64.getEncoder().encodeToString(k.publicKey()),
                            status.name(),
                            from,
                            until,
                            clock.instant()));
            bumpSequence(c);
            return null;
        });
    }

    /** Moves the key set's sequence on in {@code c}'s transaction, so gates fetch the changed set. */
    void bumpSequence(java.sql.Connection c) throws java.sql.SQLException {
        long seq = Long.parseLong(settings.get(c, SEQUENCE).orElse("0"));
        settings.put(c, SEQUENCE, Long.toString(seq + 1));
    }

    private static String safe(String keyId) {
        return keyId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + f, e);
        }
    }

    /** Writes a key file owner-only (0600), atomically. */
    private static void write(Path f, String pem) {
        SecureFiles.writeOwnerOnly(f, pem.getBytes(StandardCharsets.US_ASCII));
    }
}
