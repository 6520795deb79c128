package io.scenicpass.server.visitors;

import io.scenicpass.core.DocumentType;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.visitors.store.ReceiptStore;
import io.scenicpass.server.visitors.store.ReceiptStore.Receipt;
import io.scenicpass.server.visitors.store.VisitStore;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * In-park spending posted by partner tills: the visitor named by a pass id, a document (hashed at once, never stored
 * or logged) or a member code; idempotent on the till's receipt id (the same body again answers the stored receipt,
 * another body is a 409). Refusals are typed ({@link ReceiptRefusal}).
 */
public final class Receipts {
    private static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final long MAX_AMOUNT = 100_000_000L; // one million yuan in fen: beyond it a typo
    private final Database db;
    private final ReceiptStore store;
    private final VisitStore visits;
    private final VisitorStore visitors;
    private final VisitorKeys keys;
    private final IdentityKeys identityKeys;
    private final BookingLinks links;
    private final Tags tags;
    private final ZoneId zone;
    private final String currency;
    private final Clock clock;

    Receipts(
            Database db,
            ReceiptStore store,
            VisitStore visits,
            VisitorStore visitors,
            VisitorKeys keys,
            IdentityKeys identityKeys,
            BookingLinks links,
            Tags tags,
            ZoneId zone,
            String currency,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.visits = visits;
        this.visitors = visitors;
        this.keys = keys;
        this.identityKeys = identityKeys;
        this.links = links;
        this.tags = tags;
        this.zone = zone;
        this.currency = currency;
        this.clock = clock;
    }

    /** A document as the till sends it; {@link #toString()} never shows the number. */
    public record DocumentInput(String type, String number) {
        @Override
        public String toString() {
            return "DocumentInput{type=" + type + ", number=***}";
        }
    }

    /** A till's receipt: one of passId, document, memberCode; amount in minor units (fen); at defaults to now. */
    public record Input(
            String receiptId,
            String passId,
            DocumentInput document,
            String memberCode,
            Long amount,
            String currency,
            String at) {}

    /** The answer: the receipt and whether it was stored now (false: the same receipt sent again). */
    public record Posted(Receipt receipt, boolean created) {}

    public Posted post(String partnerId, Input in) {
        if (in == null
                || in.receiptId() == null
                || !RECEIPT_ID.matcher(in.receiptId()).matches()) {
            throw refuse("INVALID_RECEIPT", 400, "receiptId is required: 1-100 of letters, digits . _ : / -");
        }
        int named = (in.passId() != null ? 1 : 0) + (in.document() != null ? 1 : 0) + (in.memberCode() != null ? 1 : 0);
        if (named != 1) {
            throw refuse("VISITOR_REQUIRED", 400, "name the visitor by exactly one of passId, document, memberCode");
        }
        if (in.amount() == null) {
            throw refuse("INVALID_RECEIPT", 400, "amount is required (minor units, e.g. fen)");
        }
        if (in.amount() < 0) {
            throw refuse("NEGATIVE_AMOUNT", 400, "amount must not be negative (a refund is not a receipt)");
        }
        if (in.amount() > MAX_AMOUNT) {
            throw refuse("INVALID_RECEIPT", 400, "amount is larger than " + MAX_AMOUNT);
        }
        String cur = in.currency() == null ? null : in.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.equals(cur)) {
            throw refuse("UNSUPPORTED_CURRENCY", 400, "currency must be " + currency);
        }
        Instant now = clock.instant();
        Instant at = at(in.at(), now);
        LocalDate day = LocalDate.ofInstant(at, zone);
        String docHash = in.document() == null ? null : documentHash(in.document(), day);
        String memberHash = in.memberCode() == null ? null : keys.member(in.memberCode());
        String bodyHash = identityKeys.digest("receipt:" + in.passId() + "|" + docHash + "|" + memberHash + "|"
                + in.amount() + "|" + cur + "|" + at.toEpochMilli());
        return db.tx(c -> {
            var old = store.find(c, partnerId, in.receiptId());
            if (old.isPresent()) {
                if (!old.get().bodyHash().equals(bodyHash)) {
                    throw refuse(
                            "RECEIPT_CONFLICT", 409, "receipt " + in.receiptId() + " was posted with another body");
                }
                return new Posted(old.get(), false);
            }
            Long visitor;
            if (in.passId() != null) {
                if (in.passId().length() > 64 || !store.passExists(c, in.passId())) {
                    throw refuse("UNKNOWN_PASS", 422, "no pass has this id");
                }
                String booking = visits.bookingOfPass(c, in.passId()).orElseThrow();
                visitor = links.visitorOf(c, booking, now).orElse(null);
            } else {
                List<Long> ids = visitors.byKeys(c, List.of(docHash != null ? docHash : memberHash));
                if (ids.isEmpty()) {
                    throw refuse(
                            "UNKNOWN_VISITOR",
                            422,
                            "no visitor is known by this " + (docHash != null ? "document" : "member code"));
                }
                visitor = ids.get(0);
            }
            Receipt r = store.insert(
                    c,
                    new Receipt(
                            0, partnerId, in.receiptId(), visitor, in.passId(), day, in.amount(), cur, bodyHash, now));
            if (visitor != null) {
                tags.refresh(c, visitor, now);
            }
            return new Posted(r, true);
        });
    }

    private String documentHash(DocumentInput d, LocalDate day) {
        DocumentType type;
        try {
            type = DocumentType.valueOf(String.valueOf(d.type()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refuse("INVALID_DOCUMENT", 400, "document.type is not a known document type");
        }
        if (d.number() == null || d.number().isBlank() || d.number().length() > 40) {
            throw refuse("INVALID_DOCUMENT", 400, "document.number is required (at most 40 characters)");
        }
        try {
            return keys.document(type, d.number(), day);
        } catch (ServiceException e) {
            throw refuse("INVALID_DOCUMENT", 400, e.getMessage()); // the identity check's message: no number in it
        }
    }

    private static Instant at(String text, Instant now) {
        if (text == null) {
            return now;
        }
        try {
            Instant at = java.time.OffsetDateTime.parse(text).toInstant();
            if (at.isAfter(now.plusSeconds(300))) {
                throw refuse("INVALID_RECEIPT", 400, "at is in the future");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw refuse("INVALID_RECEIPT", 400, "at must be an ISO-8601 time with an offset");
        }
    }

    private static ReceiptRefusal refuse(String code, int status, String message) {
        return new ReceiptRefusal(code, status, message);
    }
}
