package io.scenicpass.server.identity;

import io.scenicpass.core.Blacklist;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.identity.store.DocumentBlacklistStore;
import io.scenicpass.server.identity.store.PolicyStore;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.identity.store.VisitorStore;
import io.scenicpass.server.identity.store.VisitorStore.Visitor;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Unit;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The visitors' documents of bookings: validated when a channel sends them (reserve, PATCH, confirm), stored as keyed
 * hashes and ciphertexts in the booking's transaction together with the per-document limit claims, required at
 * confirmation as the product's real-name policy says, bound into the passes at issuance, shown masked.
 */
public final class IdentityService {
    /** The two keyed hashes of a document: server-only lookup and gate-facing holder binding (base64url). */
    public record Hashes(String lookup, String binding) {}

    private final Database db;
    private final IdentityKeys keys;
    private final SettingStore settings;
    private final SecureRandom random;
    private final Clock clock;
    private final VisitorStore visitors = new VisitorStore();
    private final PolicyStore policies = new PolicyStore();
    private final DocumentBlacklistStore blacklist = new DocumentBlacklistStore();

    public IdentityService(Database db, IdentityKeys keys, SettingStore settings, SecureRandom random, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.settings = settings;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Validates the documents given for unit items (position → document; null entries: none given) against the
     * units' age bounds on the visit date. Throws a typed error naming the first bad unit item; stores nothing.
     */
    public Map<Integer, Document> check(List<IdentityInput> inputs, List<Unit> units, LocalDate visit) {
        Map<Integer, Document> out = new TreeMap<>();
        if (inputs == null) {
            return out;
        }
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                continue;
            }
            String where = "unitItems[" + i + "].identity";
            if (i >= units.size()) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, where + ": the booking has " + units.size() + " unit items");
            }
            Document d = Documents.validate(inputs.get(i), where, today);
            Documents.checkAge(d, units.get(i), visit, where);
            out.put(i, d);
        }
        return out;
    }

    /**
     * Stores checked documents for a booking's unit items (replacing earlier ones of those items) and takes the
     * booking's per-document limit places, inside the caller's transaction: a blacklisted document or one over its
     * limit throws (422) and the transaction stores nothing.
     */
    public void record(Connection c, Booking b, Map<Integer, Document> docs) throws SQLException {
        if (docs.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Map.Entry<Integer, Document> e : docs.entrySet()) {
            Booking.UnitItem item = b.unitItems().get(e.getKey());
            Document d = e.getValue();
            Hashes h = hashes(c, d);
            if (blacklist.active(c, h.lookup()).isPresent()) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "unitItems[" + e.getKey() + "].identity: this document is blacklisted at this site"
                                + " (the visitor can ask at the service desk)");
            }
            String ctx = context(b.uuid(), item.uuid());
            visitors.put(
                    c,
                    new Visitor(
                            b.uuid(),
                            item.uuid(),
                            item.position(),
                            d.type().name(),
                            h.lookup(),
                            h.binding(),
                            keys.encrypt(d.number(), ctx),
                            keys.encrypt(d.name(), ctx),
                            d.country(),
                            b.localDate()),
                    now);
        }
        claimLimits(c, b, now);
    }

    /**
     * At confirmation, inside its transaction: stores documents given with the confirm, then requires what the
     * product's real-name policy and the units ask for (EVERY_VISITOR: every item; BOOKER: the first; a unit with
     * {@code idRequired}: its items).
     */
    public void confirming(Connection c, Booking b, Map<String, Unit> units, List<IdentityInput> given)
            throws SQLException {
        if (given != null && !given.isEmpty()) {
            List<Unit> byPosition = new ArrayList<>();
            b.unitItems().forEach(u -> byPosition.add(units.get(u.unitId())));
            record(c, b, check(given, byPosition, b.localDate()));
        }
        Policy p = policy(c, b.productId());
        java.util.Set<String> have = new java.util.HashSet<>();
        visitors.byBooking(c, b.uuid()).forEach(v -> have.add(v.itemUuid()));
        for (Booking.UnitItem u : b.unitItems()) {
            if (requires(p, u.position(), units.get(u.unitId())) && !have.contains(u.uuid())) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "unitItems[" + u.position() + "].identity is required: "
                                + (units.get(u.unitId()).minAge() != null
                                                || units.get(u.unitId()).maxAge() != null
                                        ? "unit " + u.unitId() + " is sold by real name (the document proves the age)"
                                        : "product " + b.productId() + " is sold by real name (" + p.realName() + ")"),
                        u.unitId());
            }
        }
    }

    /**
     * Whether the unit item at {@code position} of {@code unit} needs its visitor's document under policy {@code p}
     * (EVERY_VISITOR: every item; BOOKER: the first; a unit with {@code idRequired}: its items).
     */
    public static boolean requires(Policy p, int position, Unit unit) {
        return p.realName().equals("EVERY_VISITOR")
                || p.realName().equals("BOOKER") && position == 0
                || unit.idRequired();
    }

    /** Stores documents given after the reservation (PATCH): checked, then recorded in one transaction. */
    public void attach(Booking b, Map<String, Unit> units, List<IdentityInput> given) {
        List<Unit> byPosition = new ArrayList<>();
        b.unitItems().forEach(u -> byPosition.add(units.get(u.unitId())));
        Map<Integer, Document> docs = check(given, byPosition, b.localDate());
        db.tx(c -> {
            record(c, b, docs);
            return null;
        });
    }

    /** The holder bindings (base64url) of a booking's identified unit items, by item uuid, in item order. */
    public Map<String, String> bindings(Connection c, String bookingUuid) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Visitor v : visitors.byBooking(c, bookingUuid)) {
            out.put(v.itemUuid(), v.binding());
        }
        return out;
    }

    /** A booking's documents masked for display, by unit item uuid. */
    public Map<String, MaskedIdentity> masked(Connection c, String bookingUuid) throws SQLException {
        Map<String, MaskedIdentity> out = new LinkedHashMap<>();
        for (Visitor v : visitors.byBooking(c, bookingUuid)) {
            String ctx = context(v.bookingUuid(), v.itemUuid());
            String name = keys.decrypt(v.nameEnc(), ctx);
            Document d = new Document(
                    io.scenicpass.core.DocumentType.valueOf(v.docType()),
                    keys.decrypt(v.numberEnc(), ctx),
                    name,
                    v.country(),
                    null);
            out.put(v.itemUuid(), new MaskedIdentity(v.docType(), d.maskedNumber(), d.maskedName(), v.country()));
        }
        return out;
    }

    /**
     * A reservation's idempotency fingerprint with its documents: the OCTO body's own fingerprint when none are given,
     * else a keyed digest over both (the documents never reach {@code booking.request_hash} in a guessable form).
     */
    public String fingerprint(String base, List<IdentityInput> inputs) {
        if (inputs == null || inputs.stream().allMatch(java.util.Objects::isNull)) {
            return base;
        }
        StringBuilder sb = new StringBuilder(base);
        for (IdentityInput in : inputs) {
            sb.append('\u0000');
            if (in != null) {
                sb.append(in.type()).append('\u0001').append(in.number()).append('\u0001');
                sb.append(in.name()).append('\u0001').append(in.country());
            }
        }
        return keys.digest(sb.toString());
    }

    /** The server-only lookup hash of a document. */
    public String lookup(Document d) {
        return keys.lookup(d.type(), d.number());
    }

    /** The lookup hash and the holder binding of a document. */
    public Hashes hashes(Connection c, Document d) throws SQLException {
        byte[] areaKey = AreaBindingKey.raw(c, settings, random);
        return new Hashes(lookup(d), Blacklist.encode(HolderBinding.of(areaKey, d.type(), d.number())));
    }

    /** The product's real-name policy (NONE without limit when none is set). */
    public Policy policy(Connection c, String productId) throws SQLException {
        return policies.get(c, productId).orElse(Policy.none(productId));
    }

    /** Takes one limit place per identified unit item, as the product's policy says; 422 when a document is over. */
    private void claimLimits(Connection c, Booking b, Instant now) throws SQLException {
        Policy p = policy(c, b.productId());
        if (p.dailyLimit() == null) {
            return;
        }
        visitors.eraseClaims(c, b.uuid());
        String scope = p.limitScope().equals("SITE") ? "*" : b.productId();
        for (Visitor v : visitors.byBooking(c, b.uuid())) {
            String base = v.lookup() + "|" + scope + "|" + b.localDate();
            if (!visitors.claim(c, base, p.dailyLimit(), b.uuid(), b.localDate(), now)) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "unitItems[" + v.position() + "].identity: this document already holds " + p.dailyLimit()
                                + " booking(s) for " + b.localDate()
                                + (scope.equals("*") ? " at this site" : " of product " + b.productId())
                                + " (limit " + p.dailyLimit() + " per document per day)");
            }
        }
    }

    /** The associated data of a visitor's ciphertexts: a ciphertext moved to another row does not decrypt. */
    static String context(String bookingUuid, String itemUuid) {
        return "visitor:" + bookingUuid + "/" + itemUuid;
    }
}
