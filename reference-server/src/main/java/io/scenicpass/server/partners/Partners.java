package io.scenicpass.server.partners;

import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.partners.store.PartnerStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Partners and their API keys: a key is shown once (at creation and at each rotation) and stored only as SHA-256,
 * like channel keys; a rotation revokes the partner's older keys at once. Partner routes authenticate with
 * {@link #of(Context)} ({@code Authorization: Bearer pk_...}).
 */
public final class Partners {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private final Database db;
    private final PartnerStore store;
    private final Clock clock;
    private final SecureRandom random;

    public Partners(Database db, PartnerStore store, Clock clock, SecureRandom random) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** What the operator gives to create a partner. */
    public record Input(String id, String name, String kind) {}

    /** A partner with its API key in clear (shown once). */
    public record WithKey(Partner partner, String apiKey) {}

    /** Creates a partner and its first key; 409 when the id is taken. */
    public WithKey create(Input in) {
        if (in == null || in.id() == null || !ID.matcher(in.id()).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "id is required: lower-case letters, digits, - or _");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, "name is required (at most 200 characters)");
        }
        Partner.Kind kind = kind(in.kind());
        String key = newKey();
        Partner p = new Partner(in.id(), in.name().strip(), kind, true, clock.instant());
        db.tx(c -> {
            if (store.find(c, p.id()).isPresent()) {
                throw new ServiceException(Problem.CONFLICT, "a partner with this id exists", p.id());
            }
            store.insert(c, p);
            store.addKey(c, p.id(), ChannelService.sha256Hex(key), "created", p.createdAt());
            return null;
        });
        return new WithKey(p, key);
    }

    /** A new key for the partner; every older key stops working now. */
    public WithKey rotate(String id) {
        String key = newKey();
        Partner p = db.tx(c -> {
            Partner found = store.find(c, id)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such partner", cut(id)));
            store.revokeKeys(c, id);
            store.addKey(c, id, ChannelService.sha256Hex(key), "rotated", clock.instant());
            return found;
        });
        return new WithKey(p, key);
    }

    public List<Partner> list() {
        return db.read(store::list);
    }

    public Partner get(String id) {
        return db.read(c -> store.find(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such partner", cut(id)));
    }

    /** The partner calling: its bearer key checked, or 401 (counted by the AuthThrottle like any bad credential). */
    public Partner of(Context ctx) {
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).trim()
                : null;
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw new ServiceException(Problem.UNAUTHORIZED, "missing or invalid partner API key");
        }
        return db.read(c -> store.byKeyHash(c, ChannelService.sha256Hex(key)))
                .orElseThrow(() -> new ServiceException(Problem.UNAUTHORIZED, "missing or invalid partner API key"));
    }

    private static Partner.Kind kind(String s) {
        if (s == null) {
            return Partner.Kind.TILL;
        }
        for (Partner.Kind k : Partner.Kind.values()) {
            if (k.name().equalsIgnoreCase(s.strip())) {
                return k;
            }
        }
        throw new ServiceException(Problem.BAD_REQUEST, "kind must be TILL, HOTEL, TRANSPORT or OTHER");
    }

    private String newKey() {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        return "pk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String cut(String id) {
        return id == null || id.length() > 64 ? null : id;
    }
}
