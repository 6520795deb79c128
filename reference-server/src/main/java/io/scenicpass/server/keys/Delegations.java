package io.scenicpass.server.keys;

import io.scenicpass.core.PublicKeyEntry;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.keys.DelegationStore.DelegationRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certifies the Ed25519 keys box offices generate, so they can sign passes while the cloud is down: a delegation is
 * limited to products on sale, the visit dates from today (in the products' zone) for a few days, a number of passes,
 * and a validity that ends with the last visit date. The key set carries it (and its revocation) to the gates.
 *
 * <p>Revocation: the passes of the key the server holds by then (offline sales synced, not refunded) stay valid — the
 * key set lists them as honoured — and every other pass of the key is refused (KEY_REVOKED) by gates that synced the
 * new key set: a visitor holding such a pass is served at the service desk.
 */
public final class Delegations {
    private static final Logger LOG = LoggerFactory.getLogger(Delegations.class);
    /** Longest delegation, in visit dates (today included). */
    public static final int MAX_DAYS = 3;
    /** Passes a delegation allows when the device asks for no number. */
    public static final int DEFAULT_MAX_PASSES = 500;
    /** The most passes one delegation allows. */
    public static final int MAX_PASSES = 10_000;

    /** The products a box office may be delegated, with their time zones (supplied by the catalogue). */
    @FunctionalInterface
    public interface Products {
        Map<String, ZoneId> onSale();
    }

    /** What a box office asks for: its public key (base64 of the raw 32 bytes) and optionally a narrower scope. */
    public record Request(String publicKey, List<String> productIds, Integer days, Integer maxPasses) {}

    private final Database db;
    private final DelegationStore store = new DelegationStore();
    private final KeyService keys;
    private final Products products;
    private final Clock clock;

    public Delegations(Database db, KeyService keys, Products products, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.products = products;
        this.clock = clock;
    }

    /**
     * Certifies {@code r.publicKey()} for {@code deviceId} and moves the key set on. The same key again returns its
     * delegation unchanged (a retry after a lost answer); a revoked or expired key, or another device's, is refused
     * (CONFLICT): the box office generates a new key.
     */
    public PublicKeyEntry certify(String deviceId, Request r) {
        byte[] raw = publicKey(r.publicKey());
        String keyId = PublicKeyEntry.keyIdOf(raw);
        Instant now = clock.instant();
        Optional<DelegationRow> existing = db.read(c -> store.byKeyId(c, keyId));
        if (existing.isPresent()) {
            return again(existing.get(), deviceId, now).entry(List.of());
        }
        Map<String, ZoneId> onSale = new TreeMap<>(products.onSale());
        List<String> scope =
                r.productIds() == null || r.productIds().isEmpty() ? new ArrayList<>(onSale.keySet()) : r.productIds();
        for (String id : scope) {
            if (!onSale.containsKey(id)) {
                throw new ServiceException(Problem.INVALID_PRODUCT_ID, "product " + id + " is not on sale", id);
            }
        }
        if (scope.isEmpty()) {
            throw new ServiceException(Problem.UNPROCESSABLE_ENTITY, "no product is on sale to delegate");
        }
        int days = bounded("days", r.days(), MAX_DAYS, MAX_DAYS);
        int maxPasses = bounded("maxPasses", r.maxPasses(), DEFAULT_MAX_PASSES, MAX_PASSES);
        Instant visitFrom = null;
        Instant visitUntil = null;
        for (String id : scope) { // the union of the visit dates in each product's own zone
            ZoneId zone = onSale.get(id);
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant from = today.atStartOfDay(zone).toInstant();
            Instant until = today.plusDays(days).atStartOfDay(zone).toInstant();
            visitFrom = visitFrom == null || from.isBefore(visitFrom) ? from : visitFrom;
            visitUntil = visitUntil == null || until.isAfter(visitUntil) ? until : visitUntil;
        }
        DelegationRow row = new DelegationRow(
                keyId,
                deviceId,
                Base64.getEncoder().encodeToString(raw),
                List.copyOf(scope),
                visitFrom,
                visitUntil,
                maxPasses,
                now,
                visitUntil,
                now,
                null,
                null);
        PublicKeyEntry entry = row.entry(List.of()); // validates the scope before anything is stored
        db.tx(c -> {
            if (store.byKeyId(c, keyId).isPresent()) {
                throw new ServiceException(Problem.CONFLICT, "key " + keyId + " is being certified concurrently");
            }
            store.insert(c, row);
            keys.bumpSequence(c);
            return null;
        });
        LOG.info(
                "delegated key {} to device {}: {} products, {} passes, until {}",
                keyId,
                deviceId,
                scope.size(),
                maxPasses,
                visitUntil);
        return entry;
    }

    private static DelegationRow again(DelegationRow d, String deviceId, Instant now) {
        if (!d.deviceId().equals(deviceId)) {
            throw new ServiceException(Problem.CONFLICT, "this key is delegated to another device: generate a new key");
        }
        if (d.revokedAt() != null) {
            throw new ServiceException(Problem.CONFLICT, "this key was revoked: generate a new key");
        }
        if (!now.isBefore(d.validUntil())) {
            throw new ServiceException(Problem.CONFLICT, "this key's delegation has expired: generate a new key");
        }
        return d;
    }

    /** Revokes a delegation: the key set refuses the key's passes from its next sequence on. */
    public DelegationRow revoke(String keyId, String reason) {
        String why = reason == null || reason.isBlank() ? "revoked by the operator" : reason.strip();
        if (why.length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, "reason is longer than 200 characters");
        }
        DelegationRow d = db.tx(c -> {
            DelegationRow row = store.byKeyId(c, keyId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such delegated key", keyId));
            if (store.revoke(c, keyId, clock.instant(), why)) {
                store.honourSynced(c, keyId);
                keys.bumpSequence(c);
            }
            return store.byKeyId(c, keyId).orElse(row);
        });
        LOG.info("revoked delegated key {} of device {}: {}", keyId, d.deviceId(), why);
        return d;
    }

    /** The delegations, newest first, of one device or all. */
    public List<DelegationRow> list(String deviceId, int limit) {
        return db.read(c -> store.list(c, deviceId, Math.max(1, Math.min(limit, 1000))));
    }

    private static byte[] publicKey(String b64) {
        if (b64 == null || b64.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "publicKey is required (base64 of the raw Ed25519 key)");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(b64.strip());
            if (raw.length == 32) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ServiceException(Problem.BAD_REQUEST, "publicKey must be base64 of a 32-byte Ed25519 public key");
    }

    private static int bounded(String name, Integer v, int dflt, int max) {
        if (v == null) {
            return dflt;
        }
        if (v < 1 || v > max) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be 1.." + max);
        }
        return v;
    }
}
