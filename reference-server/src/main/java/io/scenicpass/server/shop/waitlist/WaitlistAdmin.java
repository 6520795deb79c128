package io.scenicpass.server.shop.waitlist;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.shop.waitlist.store.WaitlistEntry;
import io.scenicpass.server.shop.waitlist.store.WaitlistStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The operators' view of a slot's waiting list: counts by status and the entries in line, visitors masked. */
public final class WaitlistAdmin {
    /** Most entries one answer lists. */
    static final int LIMIT = 500;

    /** One entry as operators see it; {@code visitor} is masked, {@code place} 0 when not waiting. */
    public record Row(
            long id,
            int place,
            String status,
            String visitor,
            Map<String, Integer> party,
            int quantity,
            int offers,
            String bookingUuid,
            Instant offerExpiresAt,
            Instant joinedAt) {}

    /** A slot's list: how many entries per status, and the entries in line order. */
    public record SlotList(String slotId, Map<String, Integer> counts, List<Row> entries) {}

    private final Database db;
    private final WaitlistStore store;
    private final LongFunction<String> maskedVisitor;

    /** {@code maskedVisitor}: a shop visitor's contact as operators may see it (masked). */
    public WaitlistAdmin(Database db, WaitlistStore store, LongFunction<String> maskedVisitor) {
        this.db = db;
        this.store = store;
        this.maskedVisitor = maskedVisitor;
    }

    /** The visitor's masked contact, or "#id" when there is none to show (erased, unreadable). */
    private String masked(long visitorId) {
        try {
            String m = maskedVisitor.apply(visitorId);
            return m != null ? m : "#" + visitorId;
        } catch (RuntimeException e) {
            return "#" + visitorId;
        }
    }

    public SlotList slot(String slotId) {
        if (slotId == null || slotId.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "slotId is required");
        }
        return db.read(c -> {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            store.counts(c, slotId).forEach((s, n) -> counts.put(s.name(), n));
            List<Row> rows = new ArrayList<>();
            int place = 0;
            for (WaitlistEntry e : store.allOfSlot(c, slotId, LIMIT)) {
                boolean waiting = e.status() == WaitlistEntry.Status.WAITING;
                rows.add(new Row(
                        e.id(),
                        waiting ? ++place : 0,
                        e.status().name(),
                        masked(e.visitorId()),
                        Party.parse(e.party()).counts(),
                        e.quantity(),
                        e.offers(),
                        e.bookingUuid(),
                        e.offerExpiresAt(),
                        e.createdAt()));
            }
            return new SlotList(slotId, counts, rows);
        });
    }
}
