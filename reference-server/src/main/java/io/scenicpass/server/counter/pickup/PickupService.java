package io.scenicpass.server.counter.pickup;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.Sale.Ticket;
import io.scenicpass.server.counter.pickup.PickupViews.Lookup;
import io.scenicpass.server.counter.pickup.PickupViews.PickupBooking;
import io.scenicpass.server.counter.pickup.PickupViews.PrintRecord;
import io.scenicpass.server.counter.pickup.PickupViews.Printed;
import io.scenicpass.server.counter.pickup.PickupViews.Refusal;
import io.scenicpass.server.counter.pickup.store.PickupStore;
import io.scenicpass.server.counter.pickup.store.PickupStore.Print;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.Document;
import io.scenicpass.server.identity.Documents;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.DeviceStore.DeviceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pick-up (取票): a visitor finds pre-booked bookings at a kiosk by swiping the ID card (through the document's keyed
 * lookup hash, never the number) or by typing a booking code, and prints their paper tickets once; a reprint is
 * audited with its reason and who asked. Every print is a {@code pickup_print} row.
 */
public final class PickupService {
    private static final Logger LOG = LoggerFactory.getLogger(PickupService.class);

    /** An ID card finds bookings for today (in the product's time zone) and this many days ahead. */
    public static final int DAYS_AHEAD = 30;
    /** Longest reprint reason (characters). */
    static final int REASON = 500;
    /** Longest cashier id, and longest typed booking code. */
    static final int ID = 64;

    static final int CODE = 200;

    private final Database db;
    private final Clock clock;
    private final IdentityService identities;
    private final BookingStore bookings;
    private final PassStore passes;
    private final CatalogueStore catalogue = new CatalogueStore();
    private final InventoryStore inventory = new InventoryStore();
    private final DeviceStore devices = new DeviceStore();
    private final PickupStore store = new PickupStore();
    private final io.scenicpass.server.counter.store.SaleStore sales =
            new io.scenicpass.server.counter.store.SaleStore();

    public PickupService(Database db, Clock clock, IdentityService identities) {
        this.db = db;
        this.clock = clock;
        this.identities = identities;
        this.bookings = new BookingStore(db.dialect());
        this.passes = new PassStore(db.dialect());
    }

    /** The sold bookings of a document's holder for today and the next {@link #DAYS_AHEAD} days. */
    public Lookup byDocument(IdentityInput document) {
        LocalDate today = LocalDate.now(clock);
        Document d = Documents.validate(document, "document", today, false);
        return new Lookup(db.read(c -> {
            List<String> found = identities.bookingsOf(c, d, today.minusDays(1), today.plusDays(DAYS_AHEAD + 1));
            List<PickupBooking> out = new ArrayList<>();
            for (PickupBooking v : views(c, found)) {
                boolean sold = BookingState.valueOf(v.state()).isSold();
                boolean current = v.refusal() == null || v.refusal().code().equals(Problem.ALREADY_PRINTED.name());
                if (sold && current && !v.visitDate().isAfter(today.plusDays(DAYS_AHEAD))) {
                    out.add(v);
                }
            }
            return out;
        }));
    }

    /** The bookings a typed code stands for (uuid, supplier or reseller reference), in any state; 404 when none. */
    public Lookup byCode(String code) {
        String typed = code == null ? "" : code.strip();
        if (typed.isEmpty() || typed.length() > CODE || typed.chars().anyMatch(Character::isISOControl)) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "bookingCode must be 1 to " + CODE + " characters without control characters");
        }
        List<PickupBooking> found = db.read(c -> views(c, store.bookingsByCode(c, typed)));
        if (found.isEmpty()) {
            throw new ServiceException(
                    Problem.BOOKING_NOT_FOUND, "no booking has this code: check it on the reseller's confirmation");
        }
        return new Lookup(found);
    }

    /**
     * Records the first print of a booking's tickets by {@code device} (after its printer printed them all) and answers
     * the booking; a second print is 409 ALREADY_PRINTED saying when and where, a booking that cannot be picked up its
     * own 409.
     */
    public PickupBooking print(DeviceRow device, String bookingId) {
        PickupBooking out = db.tx(c -> {
            Booking b = locked(c, bookingId);
            refuseIfAny(view(c, b));
            if (!store.insertFirst(c, b.uuid(), device.id(), clock.instant())) {
                refuseIfAny(view(c, b)); // printed by another node in between
            }
            return view(c, b);
        });
        LOG.info("pick-up: booking {} printed by device {}", bookingId, device.id());
        return out;
    }

    /**
     * Records a reprint of a printed booking's tickets, with its reason and the cashier who asked (before the printer
     * prints: no copy leaves the printer unaudited); 409 NOT_PRINTED before the first print.
     */
    public PickupBooking reprint(DeviceRow device, String bookingId, String reason, String cashierId) {
        String why = text(reason, "reason", REASON, true);
        String by = text(cashierId, "cashierId", ID, false);
        PickupBooking out = db.tx(c -> {
            Booking b = locked(c, bookingId);
            PickupBooking v = view(c, b);
            if (v.printed() == null) {
                throw new ServiceException(
                        Problem.NOT_PRINTED,
                        "the tickets of booking " + v.bookingCode()
                                + " were never printed: print them (no reprint needed)");
            }
            if (!v.refusal().code().equals(Problem.ALREADY_PRINTED.name())) {
                refuseIfAny(v);
            }
            store.insertReprint(c, b.uuid(), device.id(), why, by, clock.instant());
            return view(c, b);
        });
        LOG.info("pick-up: booking {} reprinted by device {} (cashier {})", bookingId, device.id(), by);
        return out;
    }

    /** The prints and reprints made from {@code from} to {@code to} (both included), oldest first, at most {@code limit}. */
    public List<PrintRecord> prints(Instant from, Instant to, int limit) {
        if (from.isAfter(to)) {
            throw new ServiceException(Problem.BAD_REQUEST, "from must not be after to");
        }
        return db.read(c -> {
            List<Print> rows = store.between(c, from, to, limit);
            Map<String, Booking> bs = bookings.findAll(
                    c, rows.stream().map(Print::bookingUuid).distinct().toList());
            Map<String, String> names = new HashMap<>();
            List<PrintRecord> out = new ArrayList<>();
            for (Print p : rows) {
                Booking b = bs.get(p.bookingUuid());
                out.add(new PrintRecord(
                        p.bookingUuid(),
                        b == null ? null : b.supplierReference(),
                        p.kind(),
                        p.seq(),
                        p.deviceId(),
                        deviceName(c, p.deviceId(), names),
                        p.at(),
                        p.reason(),
                        p.by()));
            }
            return out;
        });
    }

    private Booking locked(Connection c, String bookingId) throws SQLException {
        return bookings.findForUpdate(c, bookingId)
                .orElseThrow(() -> new ServiceException(
                        Problem.BOOKING_NOT_FOUND, "no booking " + bookingId + " (look it up first)", bookingId));
    }

    private static void refuseIfAny(PickupBooking v) {
        if (v.refusal() != null) {
            throw new ServiceException(
                    Problem.valueOf(v.refusal().code()), v.refusal().message(), v.bookingId());
        }
    }

    /** The bookings among {@code uuids} as the kiosk sees them, soonest visit first. */
    private List<PickupBooking> views(Connection c, List<String> uuids) throws SQLException {
        Map<String, Booking> found = bookings.findAll(c, uuids);
        List<PickupBooking> out = new ArrayList<>();
        for (String uuid : uuids) {
            if (found.containsKey(uuid)) {
                out.add(view(c, found.get(uuid)));
            }
        }
        out.sort(Comparator.comparing(PickupBooking::visitDate)
                .thenComparing(v -> v.slotStart() == null ? "" : v.slotStart())
                .thenComparing(PickupBooking::bookingId));
        return out;
    }

    private PickupBooking view(Connection c, Booking b) throws SQLException {
        Product p = catalogue.product(c, b.productId()).orElseThrow();
        Slot slot = inventory.slot(c, b.slotId()).orElse(null);
        String start = slot == null ? null : slot.localStart();
        List<Print> prints = store.ofBookings(c, List.of(b.uuid())).getOrDefault(b.uuid(), List.of());
        Printed printed = null;
        int firstPrints = 0;
        if (!prints.isEmpty() && "PRINT".equals(prints.get(0).kind())) {
            Print first = prints.get(0);
            printed = new Printed(first.at(), first.deviceId(), deviceName(c, first.deviceId(), new HashMap<>()));
            firstPrints = 1;
        } else {
            printed = soldAtTheCounter(c, b); // printed with the sale: every pick-up print after it is a reprint
        }
        Refusal refusal = refusal(b, p, printed);
        List<Ticket> tickets = b.status().isSold() ? tickets(c, b, p, start) : List.of();
        return new PickupBooking(
                b.uuid(),
                b.supplierReference(),
                b.resellerReference(),
                b.status().name(),
                p.id(),
                p.internalName(),
                b.slotId(),
                start,
                b.localDate(),
                b.quantity(),
                refusal == null,
                refusal,
                printed,
                prints.size() - firstPrints, // every print after the first is a reprint
                tickets);
    }

    /**
     * A booking sold at a kiosk or box office had its tickets printed by the selling device with the sale: its first
     * print is the sale's (a pick-up would print a second copy unaudited). Null for every other booking.
     */
    private Printed soldAtTheCounter(Connection c, Booking b) throws SQLException {
        String prefix = io.scenicpass.server.counter.CounterSales.bookingUuid("");
        if (!b.uuid().startsWith(prefix)) {
            return null;
        }
        var sale = sales.find(c, b.uuid().substring(prefix.length()));
        if (sale.isEmpty() || !b.status().isSold()) {
            return null;
        }
        String device = sale.get().deviceId();
        return new Printed(sale.get().updatedAt(), device, deviceName(c, device, new HashMap<>()));
    }

    /** Why this booking cannot be printed now, or null. */
    private Refusal refusal(Booking b, Product p, Printed printed) {
        String code = b.supplierReference();
        Instant now = clock.instant();
        if (b.status() == BookingState.CANCELLED) {
            return refusal(Problem.BOOKING_CANCELLED, "booking " + code + " was cancelled: it has no tickets to print");
        }
        if (b.status() == BookingState.EXPIRED
                || b.status() == BookingState.ON_HOLD
                        && b.expiresAt() != null
                        && !b.expiresAt().isAfter(now)) {
            return refusal(
                    Problem.BOOKING_EXPIRED, "booking " + code + " was never confirmed: its hold ran out unpaid");
        }
        if (b.status() == BookingState.ON_HOLD) {
            return refusal(
                    Problem.BOOKING_NOT_CONFIRMED,
                    "booking " + code + " is not confirmed yet: the reseller has not completed it");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(p.timeZone())));
        if (b.localDate().isBefore(today)) {
            return refusal(
                    Problem.VISIT_DAY_PASSED,
                    "booking " + code + " was for " + b.localDate() + ": its visit day is over");
        }
        if (printed != null) {
            return refusal(
                    Problem.ALREADY_PRINTED,
                    "the tickets of booking " + code + " were printed at " + printed.at() + " by "
                            + printed.deviceName() + " (" + printed.deviceId()
                            + "); a box office can reprint them");
        }
        return null;
    }

    private static Refusal refusal(Problem p, String message) {
        return new Refusal(p.name(), message);
    }

    /**
     * The paper tickets of a sold booking, as a counter sale shows them: one per pass (a group pass covers several unit
     * items: the first one's holder is shown); revoked passes left out.
     */
    private List<Ticket> tickets(Connection c, Booking b, Product p, String start) throws SQLException {
        Map<String, PassRecord> byId = new HashMap<>();
        passes.byBooking(c, b.uuid()).forEach(pr -> byId.put(pr.passId(), pr));
        Map<String, Unit> units = new HashMap<>();
        catalogue.units(c, b.optionId()).forEach(u -> units.put(u.id(), u));
        return Ticket.of(
                b,
                byId::get,
                id -> units.containsKey(id) ? units.get(id).internalName() : id,
                identities.masked(c, b.uuid()),
                p.internalName(),
                start);
    }

    private String deviceName(Connection c, String deviceId, Map<String, String> cache) throws SQLException {
        String name = cache.get(deviceId);
        if (name == null) {
            name = devices.find(c, deviceId).map(DeviceRow::name).orElse(deviceId);
            cache.put(deviceId, name);
        }
        return name;
    }

    /** A free text of at most {@code max} characters without control characters (required: not blank); or null. */
    private static String text(String s, String field, int max, boolean required) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            if (required) {
                throw new ServiceException(Problem.BAD_REQUEST, field + " is required");
            }
            return null;
        }
        if (t.codePointCount(0, t.length()) > max || t.codePoints().anyMatch(Character::isISOControl)) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, field + " must be at most " + max + " characters without control characters");
        }
        return t;
    }
}
