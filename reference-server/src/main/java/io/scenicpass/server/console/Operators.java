package io.scenicpass.server.console;

import io.scenicpass.server.Platform;
import io.scenicpass.server.Problem;
import io.scenicpass.server.SecretHash;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.console.store.OperatorStore;
import io.scenicpass.server.console.store.OperatorStore.OperatorRow;
import io.scenicpass.server.console.store.OperatorStore.TokenRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.IdentityKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Operator accounts: created by an administrator (or the first one at start-up, {@link #bootstrap}), signed in with a
 * password (Argon2id, {@link SecretHash}) and, once enrolled, a TOTP code; locked for {@link #LOCK} after
 * {@link #MAX_FAILURES} failures in a row. Personal API tokens carry the operator's role on {@code /admin/v1}.
 */
public final class Operators {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** Personal API tokens start so: the admin guard tells them from the machine token without a lookup. */
    public static final String TOKEN_PREFIX = "spo_";

    private static final int MIN_PASSWORD = 10;
    private static final String DUMMY = SecretHash.hash("not-a-password", new SecureRandom());

    /** An operator as shown (no hash, no secret). */
    public record Operator(
            String id, String login, String name, Role role, boolean totp, boolean locked, boolean active) {}

    /** A personal API token as listed (never the token itself). */
    public record Token(String id, String name, Instant createdAt) {}

    /** A token just created: {@code token} is shown once and kept only as its hash. */
    public record NewToken(String id, String name, String token) {}

    /** A TOTP enrolment started: the secret and the {@code otpauth://} URI its QR shows. */
    public record Enrolment(String secret, String uri) {}

    private final Database db;
    private final OperatorStore store;
    private final IdentityKeys keys;
    private final Clock clock;
    private final SecureRandom random;
    private final io.scenicpass.core.Ids ids;

    public Operators(Platform p, OperatorStore store, IdentityKeys keys) {
        this.db = p.db();
        this.store = store;
        this.keys = keys;
        this.clock = p.clock();
        this.random = p.random();
        this.ids = p.ids();
    }

    /** Creates an operator; 409 CONFLICT when the login is taken. */
    public Operator create(String login, String name, Role role, String password) {
        if (login == null || !login.matches("[A-Za-z0-9_.@-]{2,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "login must be 2-64 of [A-Za-z0-9_.@-]");
        }
        if (role == null) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "role must be one of " + java.util.Arrays.toString(Role.values()));
        }
        Instant now = clock.instant();
        OperatorRow r = new OperatorRow(
                ids.sortableId(),
                login,
                name(name == null ? login : name),
                role.name(),
                SecretHash.hash(password(password), random),
                null,
                null,
                null,
                0,
                null,
                true,
                now,
                now);
        try {
            db.tx(c -> {
                store.insert(c, r);
                return null;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) {
                throw new ServiceException(Problem.CONFLICT, "operator " + login + " exists", login);
            }
            throw e;
        }
        return view(r);
    }

    /** Creates the administrator {@code login} when there is no operator yet; true when it did. */
    public boolean bootstrap(String login, String password) {
        if (db.read(store::count) > 0) {
            return false;
        }
        try {
            create(login, "Administrator", Role.ADMINISTRATOR, password);
            return true;
        } catch (ServiceException e) {
            if (e.problem() == Problem.CONFLICT) {
                return false; // another node made it first
            }
            throw e;
        }
    }

    /**
     * Changes the given fields (null: kept): name, role, active, a new password (which also unlocks). Refused with 409
     * LAST_ADMINISTRATOR when it would leave no active administrator.
     */
    public Operator change(String id, String name, Role role, Boolean active, String password) {
        String hash = password == null ? null : SecretHash.hash(password(password), random);
        boolean demotes = (role != null && role != Role.ADMINISTRATOR) || Boolean.FALSE.equals(active);
        return view(update(
                id,
                demotes,
                r -> new OperatorRow(
                        r.id(),
                        r.login(),
                        name == null ? r.name() : name(name),
                        role == null ? r.role() : role.name(),
                        hash == null ? r.passwordHash() : hash,
                        r.totpSecret(),
                        r.totpPending(),
                        r.totpLastStep(),
                        hash == null ? r.failedCount() : 0,
                        hash == null ? r.lockedUntil() : null,
                        active == null ? r.active() : active,
                        r.createdAt(),
                        clock.instant())));
    }

    /** Ends a lockout and forgets the failures. */
    public Operator unlock(String id) {
        return view(update(id, r -> with(r, r.totpSecret(), r.totpPending(), r.totpLastStep(), 0, null)));
    }

    /** Removes the second factor (an administrator's help for a lost phone). */
    public Operator removeTotp(String id) {
        return view(update(id, r -> with(r, null, null, null, r.failedCount(), r.lockedUntil())));
    }

    public List<Operator> list() {
        return db.read(store::list).stream().map(this::view).toList();
    }

    public Operator get(String id) {
        return view(db.read(c -> store.find(c, id)).orElseThrow(() -> unknown(id)));
    }

    /** The principal of an active operator (a console session's subject), or empty. */
    public Optional<Principal> principal(String id, String via) {
        return db.read(c -> store.find(c, id))
                .filter(OperatorRow::active)
                .map(r -> new Principal(r.id(), r.login(), Role.valueOf(r.role()), via));
    }

    /**
     * Signs in with password and (when enrolled) TOTP code. Failures: 401 UNAUTHORIZED (unknown login, wrong password
     * or code, inactive: all alike), 401 with {@code totpRequired} when the code is missing (its principal names whose
     * password it was: the subject of {@link #signInCode}, nothing counted or reset), 429 TOO_MANY_REQUESTS while
     * locked. Each failure counts towards the lockout.
     */
    public SignIn signIn(String login, String password, String code) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return SignIn.failed(SignIn.Outcome.BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        return db.tx(c -> {
            OperatorRow r = store.lockByLogin(c, login.trim()).orElse(null);
            // hashed even for an unknown login: the answer's time does not tell which logins exist
            boolean passwordOk = SecretHash.matches(password, r == null ? DUMMY : r.passwordHash());
            if (r == null || !r.active()) {
                return SignIn.failed(SignIn.Outcome.BAD_CREDENTIALS);
            }
            if (r.lockedUntil() != null && r.lockedUntil() > now.toEpochMilli()) {
                return SignIn.failed(SignIn.Outcome.LOCKED);
            }
            if (!passwordOk) {
                return fail(c, r, now, SignIn.Outcome.BAD_CREDENTIALS);
            }
            if (r.totpSecret() != null && (code == null || code.isBlank())) {
                return new SignIn(SignIn.Outcome.TOTP_REQUIRED, principal(r));
            }
            return codeChecked(c, r, code, now);
        });
    }

    /**
     * The second step of a sign-in whose password was right ({@link SignIn.Outcome#TOTP_REQUIRED}): the code of
     * operator {@code id}'s authenticator. A wrong code counts towards the lockout like a wrong password.
     */
    public SignIn signInCode(String id, String code) {
        Instant now = clock.instant();
        return db.tx(c -> {
            OperatorRow r = store.lock(c, id).orElse(null);
            if (r == null || !r.active() || r.totpSecret() == null) {
                return SignIn.failed(SignIn.Outcome.BAD_CREDENTIALS);
            }
            if (r.lockedUntil() != null && r.lockedUntil() > now.toEpochMilli()) {
                return SignIn.failed(SignIn.Outcome.LOCKED);
            }
            if (code == null || code.isBlank()) {
                return fail(c, r, now, SignIn.Outcome.BAD_CREDENTIALS);
            }
            return codeChecked(c, r, code, now);
        });
    }

    /** After a right password: checks the TOTP code (when enrolled, each step once), then forgets the failures. */
    private SignIn codeChecked(java.sql.Connection c, OperatorRow r, String code, Instant now)
            throws java.sql.SQLException {
        long step = -1;
        if (r.totpSecret() != null) {
            step = Totp.verify(open(r.totpSecret(), r.id()), code, now.toEpochMilli());
            if (step < 0 || (r.totpLastStep() != null && step <= r.totpLastStep())) {
                return fail(c, r, now, SignIn.Outcome.BAD_CREDENTIALS);
            }
        }
        store.update(
                c, with(r, r.totpSecret(), r.totpPending(), step < 0 ? r.totpLastStep() : Long.valueOf(step), 0, null));
        return new SignIn(SignIn.Outcome.OK, principal(r));
    }

    private static Principal principal(OperatorRow r) {
        return new Principal(r.id(), r.login(), Role.valueOf(r.role()), null);
    }

    /** The result of a sign-in: OK with the principal, or why not. */
    public record SignIn(Outcome outcome, Principal principal) {
        public enum Outcome {
            OK,
            BAD_CREDENTIALS,
            TOTP_REQUIRED,
            LOCKED
        }

        static SignIn failed(Outcome o) {
            return new SignIn(o, null);
        }
    }

    private SignIn fail(java.sql.Connection c, OperatorRow r, Instant now, SignIn.Outcome o)
            throws java.sql.SQLException {
        int failed = r.failedCount() + 1;
        Long until = failed >= MAX_FAILURES ? now.plus(LOCK).toEpochMilli() : null;
        store.update(c, with(r, r.totpSecret(), r.totpPending(), r.totpLastStep(), until != null ? 0 : failed, until));
        return SignIn.failed(until != null ? SignIn.Outcome.LOCKED : o);
    }

    /** Starts (or restarts) TOTP enrolment: a new secret, kept pending until {@link #confirmTotp}. */
    public Enrolment startTotp(String id) {
        String secret = Totp.newSecret(random);
        OperatorRow r = update(
                id,
                o -> with(o, o.totpSecret(), seal(secret, o.id()), o.totpLastStep(), o.failedCount(), o.lockedUntil()));
        return new Enrolment(secret, Totp.uri("ScenicPass", r.login(), secret));
    }

    /** Confirms enrolment with a code of the pending secret; false (nothing changed) when the code is wrong. */
    public boolean confirmTotp(String id, String code) {
        long now = clock.millis();
        return db.tx(c -> {
            OperatorRow r = store.lock(c, id).orElseThrow(() -> unknown(id));
            if (r.totpPending() == null) {
                return false;
            }
            long step = Totp.verify(open(r.totpPending(), r.id()), code, now);
            if (step < 0) {
                return false;
            }
            store.update(c, with(r, r.totpPending(), null, step, r.failedCount(), r.lockedUntil()));
            return true;
        });
    }

    /** A new personal API token of operator {@code id}: returned once, stored as its SHA-256. */
    public NewToken createToken(String operatorId, String name) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        TokenRow t = new TokenRow(
                ids.sortableId(),
                operatorId,
                name(name == null || name.isBlank() ? "token" : name),
                ChannelService.sha256Hex(token),
                clock.instant(),
                null,
                null);
        db.tx(c -> {
            store.find(c, operatorId).orElseThrow(() -> unknown(operatorId));
            store.insertToken(c, t);
            return null;
        });
        return new NewToken(t.id(), t.name(), token);
    }

    public List<Token> tokens(String operatorId) {
        return db.read(c -> store.tokens(c, operatorId)).stream()
                .map(t -> new Token(t.id(), t.name(), t.createdAt()))
                .toList();
    }

    public void revokeToken(String operatorId, String tokenId) {
        if (db.tx(c -> store.revokeToken(c, operatorId, tokenId, clock.instant())) == 0) {
            throw new ServiceException(Problem.NOT_FOUND, "no such token", tokenId);
        }
    }

    /** The active operator whose live personal token this is, as an API principal; empty otherwise. */
    public Optional<Principal> byToken(String bearer) {
        if (bearer == null || !bearer.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = ChannelService.sha256Hex(bearer);
        return db.read(c -> {
                    Optional<TokenRow> t = store.liveToken(c, hash);
                    return t.isEmpty()
                            ? Optional.<OperatorRow>empty()
                            : store.find(c, t.get().operatorId());
                })
                .filter(OperatorRow::active)
                .map(r -> new Principal(r.id(), r.login(), Role.valueOf(r.role()), Principal.API));
    }

    private OperatorRow update(String id, java.util.function.UnaryOperator<OperatorRow> change) {
        return update(id, false, change);
    }

    /** {@code demotes}: the change may take an administrator away; refused when it is the last active one. */
    private OperatorRow update(String id, boolean demotes, java.util.function.UnaryOperator<OperatorRow> change) {
        return db.tx(c -> {
            List<String> admins = demotes ? store.lockActiveAdministrators(c) : List.of();
            OperatorRow n = change.apply(store.lock(c, id).orElseThrow(() -> unknown(id)));
            if (demotes
                    && admins.equals(List.of(id))
                    && !(n.active() && n.role().equals(Role.ADMINISTRATOR.name()))) {
                throw new ServiceException(
                        Problem.LAST_ADMINISTRATOR,
                        "operator " + n.login() + " is the last active administrator: make another one first",
                        id);
            }
            store.update(c, n);
            return n;
        });
    }

    private OperatorRow with(OperatorRow r, String secret, String pending, Long lastStep, int failed, Long until) {
        return new OperatorRow(
                r.id(),
                r.login(),
                r.name(),
                r.role(),
                r.passwordHash(),
                secret,
                pending,
                lastStep,
                failed,
                until,
                r.active(),
                r.createdAt(),
                clock.instant());
    }

    private Operator view(OperatorRow r) {
        boolean locked = r.lockedUntil() != null && r.lockedUntil() > clock.millis();
        return new Operator(
                r.id(), r.login(), r.name(), Role.valueOf(r.role()), r.totpSecret() != null, locked, r.active());
    }

    private String seal(String secret, String operatorId) {
        return keys.encrypt(secret, "operator-totp:" + operatorId);
    }

    private String open(String sealed, String operatorId) {
        return keys.decrypt(sealed, "operator-totp:" + operatorId);
    }

    private static String password(String p) {
        if (p == null || p.length() < MIN_PASSWORD || p.length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, "password must be " + MIN_PASSWORD + " to 200 characters");
        }
        return p;
    }

    private static String name(String n) {
        if (n == null || n.isBlank() || n.length() > 80) {
            throw new ServiceException(Problem.BAD_REQUEST, "name must be 1-80 characters");
        }
        return n.trim();
    }

    private static ServiceException unknown(String id) {
        return new ServiceException(Problem.NOT_FOUND, "no operator " + id, id);
    }
}
