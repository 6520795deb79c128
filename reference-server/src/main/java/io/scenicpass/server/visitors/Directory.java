package io.scenicpass.server.visitors;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.time.Clock;
import java.util.List;
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

    Directory(Database db, VisitorStore visitors, VisitorKeys keys, BookingLinks links, Tags tags, Clock clock) {
        this.db = db;
        this.visitors = visitors;
        this.keys = keys;
        this.links = links;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public Optional<Long> find(VisitorHint hint) {
        var hashes = keys.of(hint, tags.today(clock)).keySet();
        if (hashes.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = db.read(c -> visitors.byKeys(c, hashes));
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

    /** Records a visitor's consent given or withdrawn (the shop's checkbox, an operator on request). */
    public void consent(long visitorId, boolean consent, String source) {
        db.tx(c -> {
            visitors.consent(c, visitorId, consent, source, clock.instant());
            return null;
        });
    }
}
