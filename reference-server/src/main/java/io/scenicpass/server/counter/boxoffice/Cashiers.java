package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.server.Problem;
import io.scenicpass.server.SecretHash;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService.TokenBucket;
import io.scenicpass.server.counter.boxoffice.store.CashierStore;
import io.scenicpass.server.counter.boxoffice.store.CashierStore.CashierRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cashiers of the box office: created and changed by the operator (PIN stored as {@link SecretHash} only, never logged or
 * shown), signed in at a BOX_OFFICE device with their PIN. A wrong PIN is a 401 WRONG_PIN, so the server's
 * {@code AuthThrottle} counts it against the address; on top, each cashier gets {@link #TRIES} wrong PINs per
 * {@link #REFILL_SECONDS} (a stolen device token must not try every PIN of one cashier from many addresses).
 */
public final class Cashiers {
    /** What the APIs show of a cashier (no PIN, no hash). */
    public record Cashier(String id, String name, String role, boolean active, Instant createdAt, Instant updatedAt) {
        static Cashier of(CashierRow r) {
            return new Cashier(r.id(), r.name(), r.role(), r.active(), r.createdAt(), r.updatedAt());
        }

        public boolean supervisor() {
            return SUPERVISOR.equals(role);
        }
    }

    public static final String CASHIER = "CASHIER";
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Wrong PINs a cashier may have in a row before waiting. */
    static final int TRIES = 5;
    /** One more try comes back every this many seconds. */
    static final int REFILL_SECONDS = 180;

    private final Database db;
    private final CashierStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, TokenBucket> wrongPins = new ConcurrentHashMap<>();

    public Cashiers(Database db, CashierStore store, Clock clock, SecureRandom random) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** Creates a cashier; 409 CONFLICT when the id is taken. */
    public Cashier create(String id, String name, String role, String pin) {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "id must be 1-64 of [A-Za-z0-9_.-]");
        }
        Instant now = clock.instant();
        CashierRow r = new CashierRow(
                id, name(name), role(role == null ? CASHIER : role), SecretHash.hash(pin(pin), random), true, now, now);
        try {
            db.tx(c -> {
                store.insert(c, r);
                return null;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                throw new ServiceException(Problem.CONFLICT, "cashier " + id + " exists", id);
            }
            throw e;
        }
        return Cashier.of(r);
    }

    /** Changes the given fields (null: kept); {@code active=false} deactivates: the cashier can no longer sign in. */
    public Cashier change(String id, String name, String role, String pin, Boolean active) {
        String hash = pin == null ? null : SecretHash.hash(pin(pin), random);
        CashierRow updated = db.tx(c -> {
            CashierRow r = store.find(c, id).orElseThrow(() -> unknown(id));
            CashierRow n = new CashierRow(
                    id,
                    name == null ? r.name() : name(name),
                    role == null ? r.role() : role(role),
                    hash == null ? r.pinHash() : hash,
                    active == null ? r.active() : active,
                    r.createdAt(),
                    clock.instant());
            store.update(c, n);
            return n;
        });
        if (pin != null) {
            wrongPins.remove(id); // a new PIN from the operator ends the wait
        }
        return Cashier.of(updated);
    }

    public List<Cashier> list() {
        return db.read(store::list).stream().map(Cashier::of).toList();
    }

    public Cashier get(String id) {
        return Cashier.of(db.read(c -> store.find(c, id)).orElseThrow(() -> unknown(id)));
    }

    /**
     * The active cashier {@code id} if {@code pin} is theirs; 401 WRONG_PIN otherwise (unknown, inactive and wrong
     * look the same), 429 TOO_MANY_REQUESTS after {@link #TRIES} wrong PINs.
     */
    public Cashier signIn(String id, String pin) {
        if (id == null || pin == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "cashierId and pin are required");
        }
        TokenBucket bucket = wrongPins.get(id);
        long wait = bucket == null ? 0 : bucket.waitSeconds(clock.millis());
        if (wait > 0) {
            throw new ServiceException(
                    Problem.TOO_MANY_REQUESTS,
                    "too many wrong PINs for cashier " + id + ", retry after " + wait + " s");
        }
        CashierRow r = db.read(c -> store.find(c, id)).orElse(null);
        // the hash is checked even for an unknown cashier: the answer's time does not tell which ids exist
        boolean ok = SecretHash.matches(pin, r == null ? DUMMY : r.pinHash()) && r != null && r.active();
        if (!ok) {
            if (r != null) {
                wrongPins
                        .computeIfAbsent(id, k -> new TokenBucket(1.0 / REFILL_SECONDS, TRIES))
                        .tryTake(clock.millis());
            }
            throw new ServiceException(Problem.WRONG_PIN, "wrong cashier or PIN");
        }
        return Cashier.of(r);
    }

    private static final String DUMMY = SecretHash.hash("000000", new SecureRandom());

    private static ServiceException unknown(String id) {
        return new ServiceException(Problem.NOT_FOUND, "no cashier " + id, id);
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            throw new ServiceException(Problem.BAD_REQUEST, "name is required, at most 80 characters");
        }
        return name.strip();
    }

    private static String role(String role) {
        if (!CASHIER.equals(role) && !SUPERVISOR.equals(role)) {
            throw new ServiceException(Problem.BAD_REQUEST, "role must be CASHIER or SUPERVISOR");
        }
        return role;
    }

    private static String pin(String pin) {
        if (pin == null || !pin.matches("[0-9]{4,12}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "pin must be 4-12 digits");
        }
        return pin;
    }
}
