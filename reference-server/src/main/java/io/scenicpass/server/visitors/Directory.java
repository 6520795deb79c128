package io.scenicpass.server.visitors;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's {@link VisitorDirectory}: a visitor found by the keyed hashes of a hint; a booking's visitor linked on
 * read when the feed has not reached it yet (so a caller right after a sale sees it).
 */
final class Directory implements VisitorDirectory {
    private final Database db;
    private final VisitorStore visitors;
    private final VisitorKeys keys;
    private final BookingLinks links;
    private final Tags tags;
    private final Clock clock;

    private final java.security.SecureRandom random;

    Directory(
            Database db,
            VisitorStore visitors,
            VisitorKeys keys,
            BookingLinks links,
            Tags tags,
            Clock clock,
            java.security.SecureRandom random) {
        this.random = random;
        this.db = db;
        this.visitors = visitors;
        this.keys = keys;
        this.links = links;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public Optional<Long> find(VisitorHint hint) {
        Map<String, VisitorKeys.Kind> hashed = keys.of(hint, tags.today(clock));
        if (hashed.isEmpty() && (hint == null || hint.shopAccount() == null)) {
            return Optional.empty();
        }
        return db.read(c -> first(visitors.byKeys(c, keysOf(c, hint, hashed).keySet())));
    }

    @Override
    public Optional<Long> findOrCreate(Connection c, VisitorHint hint) throws SQLException {
        LocalDate today = tags.today(clock);
        Map<String, VisitorKeys.Kind> found = keysOf(c, hint, keys.of(hint, today));
        Optional<Long> known = first(visitors.byKeys(c, found.keySet()));
        if (known.isPresent()) {
            return known;
        }
        found.values().removeIf(k -> k == VisitorKeys.Kind.MEMBER); // an unknown member code names nobody
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long id = visitors.create(c, clock.instant(), today);
        for (Map.Entry<String, VisitorKeys.Kind> k : found.entrySet()) {
            visitors.addKey(c, id, k.getKey(), k.getValue().name(), clock.instant());
        }
        return Optional.of(id);
    }

    /** The hint's keyed hashes with a shop account's address hash (its visitor's PHONE or EMAIL key), by kind. */
    private static Map<String, VisitorKeys.Kind> keysOf(
            Connection c, VisitorHint hint, Map<String, VisitorKeys.Kind> hashed) throws SQLException {
        Map<String, VisitorKeys.Kind> out = new LinkedHashMap<>(hashed);
        if (hint != null && hint.shopAccount() != null) {
            ShopConsent.address(c, hint.shopAccount()).ifPresent(a -> out.put(a[0], ShopConsent.addressKind(a)));
        }
        return out;
    }

    private static Optional<Long> first(List<Long> ids) {
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    @Override
    public Optional<Long> ofBooking(String bookingUuid) {
        if (bookingUuid == null || bookingUuid.length() > 64) {
            return Optional.empty();
        }
        return db.tx(c -> links.visitorOf(c, bookingUuid, clock.instant()));
    }

    @Override
    public boolean marketingConsent(long visitorId) {
        return db.read(c -> visitors.find(c, visitorId))
                .map(VisitorStore.Row::consent)
                .orElse(false);
    }

    /**
     * A new member code for the visitor (shown once; only its hash is kept, as a MEMBER key): what a till may name
     * the visitor by instead of a pass or a document. Ten letters and digits without look-alikes.
     */
    public String issueMemberCode(long visitorId) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder("M");
        for (int i = 0; i < 10; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        db.tx(c -> {
            visitors.find(c, visitorId)
                    .orElseThrow(() -> new io.scenicpass.server.ServiceException(
                            io.scenicpass.server.Problem.NOT_FOUND, "no such visitor", Long.toString(visitorId)));
            visitors.addKey(
                    c, visitorId, keys.member(code.toString()), VisitorKeys.Kind.MEMBER.name(), clock.instant());
            return null;
        });
        return code.toString();
    }

    /** Records a visitor's consent given or withdrawn (the shop's checkbox, an operator on request). */
    public void consent(long visitorId, boolean consent, String source) {
        db.tx(c -> {
            visitors.consent(c, visitorId, consent, source, clock.instant());
            return null;
        });
    }
}
