package io.scenicpass.server.identity;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.store.BlacklistStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.store.DocumentBlacklistStore;
import io.scenicpass.server.identity.store.DocumentBlacklistStore.Entry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blacklisting by document type + number (admin API): each entry records why, who added it, until when, and who
 * removed it; the document's holder binding goes to the gates through the existing blacklist log (ADD, then REMOVE
 * on removal or expiry), so a gate refuses the ID swipe and every pass bound to that person. Booking with a
 * blacklisted document is refused too.
 */
public final class DocumentBlacklist {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentBlacklist.class);

    /** An entry as the admin API shows it: the number masked. */
    public record View(
            long id,
            String type,
            String number,
            String reason,
            String addedBy,
            Instant createdAt,
            Instant expiresAt,
            Instant removedAt,
            String removedBy) {}

    private final Database db;
    private final IdentityService identities;
    private final IdentityKeys keys;
    private final DocumentBlacklistStore store = new DocumentBlacklistStore();
    private final BlacklistStore log;
    private final Clock clock;

    public DocumentBlacklist(
            Database db, IdentityService identities, IdentityKeys keys, BlacklistStore log, Clock clock) {
        this.db = db;
        this.identities = identities;
        this.keys = keys;
        this.log = log;
        this.clock = clock;
    }

    /** Blacklists a document; CONFLICT when it is already. {@code expiresAt} null: until removed. */
    public View add(IdentityInput doc, String reason, String addedBy, Instant expiresAt) {
        Document d = Documents.validate(doc, "document", LocalDate.now(clock), false);
        text(reason, "reason", 400);
        text(addedBy, "addedBy", 100);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ServiceException(Problem.BAD_REQUEST, "expiresAt must be in the future");
        }
        View v = db.tx(c -> {
            IdentityService.Hashes h = identities.hashes(c, d);
            if (store.active(c, h.lookup()).isPresent()) {
                throw new ServiceException(Problem.CONFLICT, "this document is blacklisted already");
            }
            String enc = keys.encrypt(d.number(), context(h.lookup()));
            long id = store.insert(
                    c, d.type().name(), h.lookup(), h.binding(), enc, reason.strip(), addedBy.strip(), now, expiresAt);
            log.append(c, h.binding(), "ADD", "identity-blacklist #" + id, now);
            return view(store.active(c, h.lookup()).orElseThrow());
        });
        LOG.info("blacklist entry {} added by {} for a {} ({})", v.id(), v.addedBy(), v.type(), v.number());
        return v;
    }

    /** Takes a document off the blacklist; NOT_FOUND when it is not on it. */
    public View remove(IdentityInput doc, String removedBy) {
        Document d = Documents.validate(doc, "document", LocalDate.now(clock), false);
        text(removedBy, "removedBy", 100);
        View v = db.tx(c -> {
            IdentityService.Hashes h = identities.hashes(c, d);
            Entry e = store.active(c, h.lookup())
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "this document is not blacklisted"));
            end(c, e, removedBy.strip());
            return view(store.byId(c, e.id()).orElseThrow());
        });
        LOG.info("blacklist entry {} removed by {}", v.id(), removedBy);
        return v;
    }

    /** Takes entry {@code id} off the blacklist (the console's list shows numbers masked); NOT_FOUND unless active. */
    public View removeById(long id, String removedBy) {
        text(removedBy, "removedBy", 100);
        View v = db.tx(c -> {
            Entry e = store.byId(c, id)
                    .filter(x -> x.removedAt() == null)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no active blacklist entry " + id));
            end(c, e, removedBy.strip());
            return view(store.byId(c, id).orElseThrow());
        });
        LOG.info("blacklist entry {} removed by {}", v.id(), removedBy);
        return v;
    }

    /** The entries, newest first (at most 1,000); {@code activeOnly} leaves removed and expired ones out. */
    public List<View> list(boolean activeOnly) {
        return db.read(
                c -> store.list(c, activeOnly, 1000).stream().map(this::view).toList());
    }

    /** Ends the entries whose expiry has come (the identity job); returns how many. */
    public int expire() {
        return db.tx(c -> {
            List<Entry> due = store.due(c, clock.instant());
            for (Entry e : due) {
                end(c, e, "expiry");
            }
            return due.size();
        });
    }

    private void end(java.sql.Connection c, Entry e, String by) throws java.sql.SQLException {
        if (store.remove(c, e.id(), by, clock.instant())) {
            log.append(c, e.binding(), "REMOVE", "identity-blacklist #" + e.id(), clock.instant());
        }
    }

    private View view(Entry e) {
        String number = Document.mask(keys.decrypt(e.numberEnc(), context(e.lookup())));
        return new View(
                e.id(),
                e.docType(),
                number,
                e.reason(),
                e.addedBy(),
                e.createdAt(),
                e.expiresAt(),
                e.removedAt(),
                e.removedBy());
    }

    private static String context(String lookup) {
        return "blacklist:" + lookup;
    }

    private static void text(String v, String name, int max) {
        if (v == null || v.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " is required");
        }
        if (v.length() > max) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be at most " + max + " characters");
        }
    }
}
