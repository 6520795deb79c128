package io.scenicpass.server.console.passes;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.Documents;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.store.VisitorStore;
import io.scenicpass.server.reports.Export;
import io.scenicpass.server.sales.PassActions;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassActionStore.Action;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.EntryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds passes with their booking, state, entries at the gates and what operators did to them: by pass id, by booking
 * (uuid, supplier or reseller reference) or by a visitor's document (through its keyed lookup hash only).
 */
public final class PassLookup {
    /** Most entries shown per pass. */
    static final int ENTRIES = 20;

    public record EntryView(String time, String gateId, String direction, String verdict, String reason) {}

    public record PassView(
            String passId,
            boolean revoked,
            int partySize,
            String validFrom,
            String validUntil,
            List<EntryView> entries,
            List<Action> actions) {}

    public record Found(
            String uuid,
            String supplierReference,
            String channelId,
            String productId,
            String date,
            String status,
            String retail,
            List<PassView> passes) {}

    private final Database db;
    private final BookingStore bookings;
    private final PassStore passes;
    private final VisitorStore visitors = new VisitorStore();
    private final IdentityService identities;
    private final EntryService entries;
    private final PassActions actions;
    private final Clock clock;

    PassLookup(Database db, IdentityService identities, EntryService entries, PassActions actions, Clock clock) {
        this.db = db;
        this.bookings = new BookingStore(db.dialect());
        this.passes = new PassStore(db.dialect());
        this.identities = identities;
        this.entries = entries;
        this.actions = actions;
        this.clock = clock;
    }

    /** The booking holding pass {@code passId} (that pass first among its passes); empty when there is none. */
    List<Found> byPass(String passId) {
        List<String> uuids = db.read(c -> passes.find(c, passId.strip()).map(PassRecord::bookingUuid).stream()
                .toList());
        return found(uuids);
    }

    List<Found> byBooking(String ref) {
        return found(db.read(c ->
                bookings.byReference(c, ref.strip()).stream().map(Booking::uuid).toList()));
    }

    /** The bookings holding this document (BAD_REQUEST when it is not a valid one). */
    List<Found> byDocument(String type, String number, String country) {
        Document d = Documents.validate(
                new IdentityInput(type, number, null, country), "document", LocalDate.now(clock), false);
        return found(db.read(c -> visitors.bookingsOf(c, identities.lookup(d))));
    }

    private List<Found> found(List<String> uuids) {
        Map<String, Found> out = new LinkedHashMap<>();
        for (String uuid : uuids) {
            if (out.containsKey(uuid) || out.size() >= 50) {
                continue;
            }
            Booking b = db.read(c -> bookings.find(c, uuid)).orElse(null);
            if (b == null) {
                continue;
            }
            List<Action> done = actions.ofBooking(uuid);
            List<PassView> views = new ArrayList<>();
            for (PassRecord p : db.read(c -> passes.byBooking(c, uuid))) {
                List<EntryView> in = entries.list(null, p.passId(), null, ENTRIES).stream()
                        .map(e -> new EntryView(
                                String.valueOf(e.correctedTime() != null ? e.correctedTime() : e.deviceTime()),
                                e.gateId(),
                                e.direction(),
                                e.verdict(),
                                e.reason() == null ? "" : e.reason()))
                        .toList();
                views.add(new PassView(
                        p.passId(),
                        p.revoked(),
                        p.partySize(),
                        p.validFrom().toString(),
                        p.validUntil().toString(),
                        in,
                        done.stream().filter(a -> a.passId().equals(p.passId())).toList()));
            }
            out.put(
                    uuid,
                    new Found(
                            b.uuid(),
                            b.supplierReference(),
                            b.channelId(),
                            b.productId(),
                            b.localDate().toString(),
                            b.status().name(),
                            Export.yuan(b.totalRetail()).toPlainString(),
                            views));
        }
        return List.copyOf(out.values());
    }
}
