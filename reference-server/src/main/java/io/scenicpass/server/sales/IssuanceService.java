package io.scenicpass.server.sales;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.scenicpass.core.Claims;
import io.scenicpass.core.Ids;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassIssuer;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs passes on confirmation (one per unit item, or one group pass) with the active issuer key and
 * revokes them on cancellation, appending to the revocation log the terminals sync from.
 */
public final class IssuanceService {
    /** Passes carry the first byte of the key id (docs/protocol.md §1): 4.5 QR characters fewer than 4 bytes. */
    static final int KID_BYTES = 1;

    private static final Set<String> CONCESSION_TYPES = Set.of("CHILD", "SENIOR", "STUDENT", "INFANT", "MILITARY");

    private final KeyService keys;
    private final PassStore passes;
    private final BookingStore bookings;
    private final OnlineClaimPolicy onlineClaims;
    private final Ids ids;
    private final Clock clock;
    private final String areaId;
    private final IdentityService identities;
    private final ManifestStore manifest = new ManifestStore();
    private volatile Terms terms = Terms.NONE;

    /** A product's pass terms beyond single entry ({@code passes/} sets them); by default claims stay as they are. */
    public interface Terms {
        Terms NONE = new Terms() {};

        /**
         * Adjusts the claims of a pass of {@code product} valid {@code from..until} (the visit day or slot) being
         * signed: validity, entries, zones, activation.
         */
        default void shape(Connection c, Product product, Instant from, Instant until, Claims.Builder claims)
                throws SQLException {}

        /** A pass was signed for a unit item of booking {@code b} paid {@code retail} (minor units). */
        default void issued(Connection c, Booking b, Product product, PassRecord pass, long retail)
                throws SQLException {}
    }

    public IssuanceService(
            KeyService keys,
            PassStore passes,
            BookingStore bookings,
            OnlineClaimPolicy onlineClaims,
            Ids ids,
            Clock clock,
            String areaId,
            IdentityService identities) {
        this.identities = identities;
        this.keys = keys;
        this.passes = passes;
        this.bookings = bookings;
        this.onlineClaims = onlineClaims;
        this.ids = ids;
        this.clock = clock;
        this.areaId = areaId;
    }

    /** Sets the pass terms applied to every pass signed from now on. */
    public void terms(Terms t) {
        this.terms = t;
    }

    /** Issues the passes of a just-confirmed booking inside the caller's transaction. */
    public List<PassRecord> issue(Connection c, Booking b, Product product, Slot slot, Map<String, Unit> units)
            throws SQLException {
        PassIssuer issuer = new PassIssuer(keys.active(), KID_BYTES);
        Instant now = clock.instant();
        Validity validity = validity(product, slot);
        Instant dayStart = validity.dayStart();
        Instant dayEnd = validity.dayEnd();
        List<PassRecord> out = new ArrayList<>();
        List<Booking.UnitItem> items = new ArrayList<>(); // the unit items with their pass ids
        // real-name: the visitors' holder bindings, by unit item uuid. They travel in the manifest, not in the pass: a
        // 16-byte binding in the QR would take a real-name pass from 171 to 207 characters (QR version 8); gates find
        // the holder of a pass, and a pass from its holder's document, through the manifest (docs/protocol.md §5)
        Map<String, String> bindings = identities.bindings(c, b.uuid());
        if (product.groupPass()) {
            boolean concession = b.unitItems().stream()
                    .allMatch(
                            u -> CONCESSION_TYPES.contains(units.get(u.unitId()).type()));
            List<String> all = new ArrayList<>(bindings.values());
            PassRecord p = sign(c, issuer, b, product, slot, dayStart, dayEnd, b.quantity(), concession, now, null);
            manifest.addHolderBindings(c, p.passId(), all);
            for (Booking.UnitItem u : b.unitItems()) {
                items.add(u.withPassId(p.passId()));
            }
            out.add(p);
        } else {
            for (Booking.UnitItem u : b.unitItems()) {
                Unit unit = units.get(u.unitId());
                PassRecord p = sign(
                        c,
                        issuer,
                        b,
                        product,
                        slot,
                        dayStart,
                        dayEnd,
                        unit.paxCount(),
                        CONCESSION_TYPES.contains(unit.type()),
                        now,
                        unit);
                if (bindings.containsKey(u.uuid())) {
                    manifest.addHolderBindings(c, p.passId(), List.of(bindings.get(u.uuid())));
                }
                terms.issued(c, b, product, p, u.retail());
                items.add(u.withPassId(p.passId()));
                out.add(p);
            }
        }
        bookings.setItems(c, b.uuid(), items);
        return out;
    }

    /**
     * When a pass of {@code product} for {@code slot} is valid: its claims' window (the slot for a timed or group pass,
     * else the day) and the day window stored with it (the local day, or a DAY pass's opening hours: its day's one
     * slot). Also what a box office signs its offline passes with ({@code counter.offline}).
     */
    public record Validity(PassKind kind, Instant from, Instant until, Instant dayStart, Instant dayEnd) {}

    /** Whether a unit's passes are concessions (the gate then checks the holder's age against the unit's bounds). */
    public static boolean concession(Unit unit) {
        return CONCESSION_TYPES.contains(unit.type());
    }

    /** The {@link Validity} of a pass of {@code product} for {@code slot}. */
    public static Validity validity(Product product, Slot slot) {
        ZoneId zone = ZoneId.of(product.timeZone());
        Instant dayStart = slot.localDate().atStartOfDay(zone).toInstant();
        Instant dayEnd = slot.localDate().plusDays(1).atStartOfDay(zone).toInstant();
        if (product.openingHours()) { // a DAY pass is valid for the opening hours: its day's one slot
            dayStart = slot.startAt();
            dayEnd = slot.endAt();
        }
        PassKind kind = product.groupPass() ? PassKind.GROUP : PassKind.valueOf(product.passKind());
        // A timed or group pass is valid for its slot (so the pass needs no separate slot claim: 10 bytes less);
        // the gate admits it in the same window as before, [slot start - early, slot end + late].
        boolean slotted = kind == PassKind.TIMED_SLOT || kind == PassKind.GROUP;
        return new Validity(
                kind, slotted ? slot.startAt() : dayStart, slotted ? slot.endAt() : dayEnd, dayStart, dayEnd);
    }

    private PassRecord sign(
            Connection c,
            PassIssuer issuer,
            Booking b,
            Product product,
            Slot slot,
            Instant dayStart,
            Instant dayEnd,
            int partySize,
            boolean concession,
            Instant now,
            Unit unit)
            throws SQLException {
        Validity validity = validity(product, slot);
        Claims.Builder cb = base(c, product, validity.kind(), validity.from(), validity.until(), partySize)
                .concession(concession);
        if (concession && unit != null && (unit.minAge() != null || unit.maxAge() != null)) {
            cb.minAge(unit.minAge()).maxAge(unit.maxAge()); // the gate checks them against the presented document
        }
        return store(c, issuer, b.uuid(), cb, partySize, dayStart, dayEnd, now);
    }

    /**
     * Signs and stores a new pass of {@code product} for booking {@code bookingUuid} valid from..until (an annual
     * pass's activation or renewal), shaped by the pass terms and then by {@code more}, inside the caller's
     * transaction. The booking's unit item that held {@code replaces} now holds the new pass.
     */
    public PassRecord reissue(
            Connection c,
            String bookingUuid,
            String replaces,
            Product product,
            Instant from,
            Instant until,
            java.util.function.Consumer<Claims.Builder> more)
            throws SQLException {
        PassRecord old = passes.find(c, replaces).orElseThrow(() -> new IllegalStateException("no pass " + replaces));
        Claims.Builder cb = base(c, product, PassKind.valueOf(product.passKind()), from, until, old.partySize());
        more.accept(cb);
        PassRecord rec = store(
                c, new PassIssuer(keys.active(), KID_BYTES), bookingUuid, cb, old.partySize(), from, until, now());
        bookings.find(c, bookingUuid).ifPresent(b -> {
            try {
                bookings.setItems(
                        c,
                        bookingUuid,
                        b.unitItems().stream()
                                .map(u -> replaces.equals(u.passId()) ? u.withPassId(rec.passId()) : u)
                                .toList());
            } catch (SQLException e) {
                throw new io.scenicpass.server.db.StoreException(e);
            }
        });
        return rec;
    }

    private Instant now() {
        return clock.instant();
    }

    private Claims.Builder base(Connection c, Product product, PassKind kind, Instant from, Instant until, int party)
            throws SQLException {
        Claims.Builder cb = Claims.builder()
                .passId(ids.passId())
                .issuerId(areaId)
                .productId(product.id())
                .kind(kind)
                .validFrom(from)
                .validUntil(until)
                .entriesAllowed(1)
                .reentry(ReentryPolicy.SINGLE)
                .partySize(party)
                // no channel claim (13): the server knows each pass's booking and channel, no gate rule reads it, and
                // its 2 bytes are what the online claim (14) costs, keeping every demo pass in QR 7-M (protocol.md §3)
                .onlinePreferred(onlineClaims.preferred(c, product.id()))
                .issuedAt(clock.instant());
        for (String zone : product.zones()) {
            cb.zone(zone, 1);
        }
        terms.shape(c, product, from, until, cb);
        return cb;
    }

    /** Signs the claims and stores the pass; its stored window covers the claims' validity (a multi-day pass's). */
    private PassRecord store(
            Connection c,
            PassIssuer issuer,
            String bookingUuid,
            Claims.Builder cb,
            int partySize,
            Instant dayStart,
            Instant dayEnd,
            Instant now)
            throws SQLException {
        Claims claims = cb.build();
        Instant until = claims.validUntil().isAfter(dayEnd) ? claims.validUntil() : dayEnd;
        Pass pass = issuer.issue(keys.codes().encode(c, claims));
        PassRecord rec = new PassRecord(
                pass.claims().passId(),
                bookingUuid,
                issuer.keyId(),
                pass.text(),
                partySize,
                dayStart,
                until,
                false,
                now);
        passes.insert(c, rec);
        return rec;
    }

    /**
     * Signs a replacement of the booking's pass {@code old} (same unit items, party size and validity) in the caller's
     * transaction, moves its unit items and holder bindings to it and revokes {@code old} ("REISSUED").
     */
    public PassRecord reissue(
            Connection c, Booking b, Product product, Slot slot, Map<String, Unit> units, PassRecord old)
            throws SQLException {
        Instant now = clock.instant();
        Validity validity = validity(product, slot);
        List<Booking.UnitItem> carried = b.unitItems().stream()
                .filter(u -> old.passId().equals(u.passId()))
                .toList();
        boolean concession = !carried.isEmpty() && carried.stream().allMatch(u -> concession(units.get(u.unitId())));
        Unit unit = carried.size() == 1 ? units.get(carried.get(0).unitId()) : null;
        PassRecord p = sign(
                c,
                new PassIssuer(keys.active(), KID_BYTES),
                b,
                product,
                slot,
                validity.dayStart(),
                validity.dayEnd(),
                old.partySize(),
                concession,
                now,
                unit);
        Map<String, String> bindings = identities.bindings(c, b.uuid());
        List<String> moved = new ArrayList<>();
        List<Booking.UnitItem> items = new ArrayList<>();
        for (Booking.UnitItem u : b.unitItems()) {
            boolean mine = old.passId().equals(u.passId());
            if (mine && bindings.containsKey(u.uuid())) {
                moved.add(bindings.get(u.uuid()));
            }
            items.add(mine ? u.withPassId(p.passId()) : u);
        }
        manifest.addHolderBindings(c, p.passId(), moved);
        bookings.setItems(c, b.uuid(), items);
        passes.revoke(c, old.passId(), "REISSUED", now);
        return p;
    }

    /** Revokes every pass of a booking (cancel/refund). Returns how many were newly revoked. */
    public int revokeAll(Connection c, String bookingUuid, String reason) throws SQLException {
        int n = 0;
        for (PassRecord p : passes.byBooking(c, bookingUuid)) {
            if (passes.revoke(c, p.passId(), reason, clock.instant())) {
                n++;
            }
        }
        return n;
    }

    /** A PNG QR code of a pass text (ECC level M, 4-module quiet zone). */
    public static byte[] qrPng(String text, int size) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(m, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
