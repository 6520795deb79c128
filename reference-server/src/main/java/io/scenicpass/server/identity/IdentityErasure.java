package io.scenicpass.server.identity;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.store.VisitorStore;
import io.scenicpass.server.questions.store.AnswerStore;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting visitors' documents: every identity {@code retentionDays} after its visit date (the identity job, driven
 * by the injected clock), and on request through the admin API (one booking, or every booking of a document). With
 * the identities go the booking's limit places, its passes' holder bindings in the gates' manifest and its answers to
 * the product's questions ({@code questions/}; a booking with answers but no documents is erased on the same date).
 */
public final class IdentityErasure {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityErasure.class);
    private static final int BATCH = 500;

    private final Database db;
    private final IdentityService identities;
    private final VisitorStore visitors = new VisitorStore();
    private final ManifestStore manifest = new ManifestStore();
    private final AnswerStore answers = new AnswerStore();
    private final Clock clock;
    private final int retentionDays;

    public IdentityErasure(Database db, IdentityService identities, Clock clock, int retentionDays) {
        if (retentionDays < 0) {
            throw new IllegalArgumentException("identity.retentionDays must be 0 or more");
        }
        this.db = db;
        this.identities = identities;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Erases the identities whose visit date is more than the retention period ago; returns the bookings erased. */
    public int eraseExpired() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate before = today.minusDays(retentionDays);
        int n = 0;
        while (true) {
            List<String> due = db.read(c -> {
                List<String> uuids = new java.util.ArrayList<>(visitors.bookingsVisitingBefore(c, before, BATCH));
                answers.bookingsVisitingBefore(c, before, BATCH).stream()
                        .filter(u -> !uuids.contains(u))
                        .forEach(uuids::add); // bookings with answers to questions but no documents
                return uuids;
            });
            for (String uuid : due) {
                eraseBooking(uuid);
            }
            n += due.size();
            if (due.isEmpty()) {
                break;
            }
        }
        int claims = db.tx(c -> visitors.dropClaimsBefore(c, today.minusDays(1)));
        if (n > 0 || claims > 0) {
            LOG.info("identity retention: erased the documents of {} bookings visiting before {}", n, before);
        }
        return n;
    }

    /** Erases one booking's identities (a deletion request); returns the documents erased. */
    public int eraseBooking(String bookingUuid) {
        return db.tx(c -> {
            int n = visitors.eraseBooking(c, bookingUuid);
            manifest.dropHolderBindings(c, bookingUuid);
            answers.eraseBooking(c, bookingUuid); // answers to questions may be personal data too
            return n;
        });
    }

    /** Erases a document from every booking that holds it (a deletion request); returns the bookings erased. */
    public int eraseDocument(IdentityInput doc) {
        Document d = Documents.validate(doc, "document", LocalDate.now(clock), false);
        List<String> bookings = db.read(c -> visitors.bookingsOf(c, identities.lookup(d)));
        for (String uuid : bookings) {
            eraseBooking(uuid);
        }
        LOG.info("erased a {} from {} bookings on request", d.type(), bookings.size());
        return bookings.size();
    }
}
