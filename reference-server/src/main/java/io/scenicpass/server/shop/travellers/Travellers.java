package io.scenicpass.server.shop.travellers;

import io.scenicpass.core.DocumentType;
import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.Documents;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.shop.travellers.store.TravellerStore;
import io.scenicpass.server.shop.travellers.store.TravellerStore.TravellerRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shop visitor's saved real-name visitors: documents validated as {@code identity/} validates a booking's
 * ({@link Documents}), stored as identity's keyed lookup hash and AES-GCM ciphertexts, shown masked; decrypted only
 * to put a document on the visitor's own booking.
 */
public final class Travellers {
    /** Most travellers one visitor may save. */
    public static final int MAX = 20;

    /** A saved traveller as pages show it: masked number and name. */
    public record Traveller(String id, DocumentType type, String number, String name, String country) {}

    private final Database db;
    private final IdentityKeys keys;
    private final Ids ids;
    private final Clock clock;
    private final TravellerStore store = new TravellerStore();

    public Travellers(Database db, IdentityKeys keys, Ids ids, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.ids = ids;
        this.clock = clock;
    }

    /** Saves a document (BAD_REQUEST naming the bad field; CONFLICT when the visitor saved it already). */
    public Traveller add(long visitorId, IdentityInput in) {
        Document d = Documents.validate(in, "traveller", LocalDate.now(clock));
        String id = "T" + ids.sortableId();
        TravellerRow row = new TravellerRow(
                id,
                visitorId,
                d.type().name(),
                keys.lookup(d.type(), d.number()),
                keys.encrypt(d.number(), context(id)),
                keys.encrypt(d.name(), context(id)),
                d.country(),
                Instant.now(clock));
        try {
            db.tx(c -> {
                if (store.count(c, visitorId) >= MAX) {
                    throw new ServiceException(
                            Problem.UNPROCESSABLE_ENTITY, "at most " + MAX + " travellers may be saved");
                }
                store.insert(c, row);
                return null;
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            throw new ServiceException(Problem.CONFLICT, "this document is saved already");
        }
        return masked(d, id);
    }

    /** The visitor's travellers, masked, oldest first. */
    public List<Traveller> list(long visitorId) {
        return db.read(c -> store.ofVisitor(c, visitorId)).stream()
                .map(r -> masked(document(r), r.id()))
                .toList();
    }

    /** Deletes the visitor's traveller (NOT_FOUND when it is none of theirs). */
    public void delete(long visitorId, String id) {
        if (!db.tx(c -> store.delete(c, visitorId, id))) {
            throw new ServiceException(Problem.NOT_FOUND, "no such traveller", id);
        }
    }

    /** The traveller's document in clear, for the visitor's own booking (NOT_FOUND when none of theirs). */
    public IdentityInput identity(long visitorId, String id) {
        TravellerRow r = db.read(c -> store.find(c, visitorId, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such traveller", id));
        Document d = document(r);
        return new IdentityInput(d.type().name(), d.number(), d.name(), d.country());
    }

    /** The traveller masked for display (never the number or the name in clear). */
    public Traveller masked(long visitorId, String id) {
        return db.read(c -> store.find(c, visitorId, id))
                .map(r -> masked(document(r), r.id()))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such traveller", id));
    }

    private Document document(TravellerRow r) {
        return new Document(
                DocumentType.valueOf(r.type()),
                keys.decrypt(r.numberEnc(), context(r.id())),
                keys.decrypt(r.nameEnc(), context(r.id())),
                r.country(),
                null);
    }

    private static Traveller masked(Document d, String id) {
        return new Traveller(id, d.type(), d.maskedNumber(), d.maskedName(), d.country());
    }

    /** The associated data of a traveller's ciphertexts: moved to another row, they do not decrypt. */
    private static String context(String id) {
        return "shop-traveller:" + id;
    }
}
