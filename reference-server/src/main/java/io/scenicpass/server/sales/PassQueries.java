package io.scenicpass.server.sales;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import java.util.List;
import java.util.Optional;

/** Read side of issued passes and of the revocation log. */
public final class PassQueries {
    private final Database db;
    private final PassStore passes;
    private final BookingStore bookings;

    public PassQueries(Database db, PassStore passes, BookingStore bookings) {
        this.db = db;
        this.passes = passes;
        this.bookings = bookings;
    }

    /** The QR text of a pass, only when the pass belongs to a booking of {@code channelId} and is not revoked. */
    public Optional<String> passTextForChannel(String passId, String channelId) {
        return db.read(c -> {
            Optional<PassRecord> p = passes.find(c, passId);
            if (p.isEmpty() || p.get().revoked()) {
                return Optional.<String>empty();
            }
            return bookings.find(c, p.get().bookingUuid())
                    .filter(b -> b.channelId().equals(channelId))
                    .map(b -> p.get().passText());
        });
    }

    public Optional<PassRecord> find(String passId) {
        return db.read(c -> passes.find(c, passId));
    }

    public List<PassStore.Revocation> revocationsSince(long since, int limit) {
        return db.read(c -> passes.revocationsSince(c, since, Math.max(1, Math.min(limit, 10_000))));
    }
}
