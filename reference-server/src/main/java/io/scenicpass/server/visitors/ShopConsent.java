package io.scenicpass.server.visitors;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The shop's marketing checkbox: a shop account's consent is its visitor's, found by the account's address hash (the
 * hub's PHONE or EMAIL key); an account with no visitor yet gets one, holding only that key and the consent.
 */
public final class ShopConsent implements io.scenicpass.server.messages.http.MessagesPages.Consent {
    private final Database db;
    private final VisitorStore visitors;
    private final Clock clock;
    private final java.time.ZoneId zone;

    ShopConsent(Database db, VisitorStore visitors, Clock clock, java.time.ZoneId zone) {
        this.db = db;
        this.visitors = visitors;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether the shop account's visitor agreed to marketing. */
    @Override
    public boolean of(long shopVisitorId) {
        return db.read(c -> {
            Optional<String[]> a = address(c, shopVisitorId);
            if (a.isEmpty()) {
                return false;
            }
            List<Long> ids = visitors.byKeys(c, List.of(a.get()[0]));
            return !ids.isEmpty()
                    && visitors.find(c, ids.get(0))
                            .map(VisitorStore.Row::consent)
                            .orElse(false);
        });
    }

    /** Records the checkbox (given or withdrawn) for the shop account's visitor. */
    @Override
    public void set(long shopVisitorId, boolean consent) {
        db.tx(c -> {
            Optional<String[]> a = address(c, shopVisitorId);
            if (a.isEmpty()) {
                return null;
            }
            List<Long> ids = visitors.byKeys(c, List.of(a.get()[0]));
            if (ids.isEmpty() && !consent) {
                return null; // nothing to withdraw: no record made for it
            }
            long id;
            if (ids.isEmpty()) {
                id = visitors.create(c, clock.instant(), LocalDate.now(clock.withZone(zone)));
                visitors.addKey(c, id, a.get()[0], addressKind(a.get()).name(), clock.instant());
            } else {
                id = ids.get(0);
            }
            visitors.consent(c, id, consent, "shop", clock.instant());
            return null;
        });
    }

    /** The hub's kind of key a shop account's address is ({@link #address}: MOBILE is a PHONE, else an EMAIL). */
    static VisitorKeys.Kind addressKind(String[] address) {
        return "MOBILE".equals(address[1]) ? VisitorKeys.Kind.PHONE : VisitorKeys.Kind.EMAIL;
    }

    /** A shop account's address hash and kind (MOBILE or EMAIL), if the account exists. */
    static Optional<String[]> address(java.sql.Connection c, long shopVisitorId) throws java.sql.SQLException {
        return Jdbc.one(
                c,
                "SELECT address_hash, address_kind FROM shop_visitor WHERE id=?",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                shopVisitorId);
    }
}
