package io.scenicpass.server.packages;

import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.DeliveryMethod;
import io.scenicpass.channel.model.DeliveryOption;
import io.scenicpass.channel.model.RedemptionMethod;
import io.scenicpass.channel.model.Ticket;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.packages.store.PackageStore;
import io.scenicpass.server.packages.store.PackageStore.BookingPart;
import io.scenicpass.server.packages.store.PackageStore.Part;
import io.scenicpass.server.packages.store.PackageStore.Resource;
import io.scenicpass.server.sales.BookingParts;
import io.scenicpass.server.sales.store.Booking;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A package booking's partner parts, in the booking's own transactions (see {@link BookingParts}): the hold takes the
 * partners' allotments (or the whole hold is refused), the sale issues one voucher per part, a cancellation is
 * refused after the strictest cutoff of the parts and otherwise gives every part back and voids the vouchers.
 */
final class PackageParts implements BookingParts {
    /** Voucher codes: Crockford base-32 without I, L, O, U (read aloud and typed by partners' staff). */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final PackageStore store;
    private final ZoneId zone;
    private final SecureRandom random;
    /** The package products, as last loaded (see {@link Packages}); a booking missed here is caught at its sale. */
    private final Supplier<Set<String>> packageProducts;

    PackageParts(PackageStore store, ZoneId zone, SecureRandom random, Supplier<Set<String>> packageProducts) {
        this.store = store;
        this.zone = zone;
        this.random = random;
        this.packageProducts = packageProducts;
    }

    @Override
    public boolean has(String productId) {
        return productId != null && packageProducts.get().contains(productId);
    }

    @Override
    public void held(Connection c, Booking b, Instant now) throws SQLException {
        for (Part p : store.parts(c, b.productId())) {
            Resource r = store.resource(c, p.resourceId()).orElseThrow();
            LocalDate day = b.localDate().plusDays(p.dayOffset());
            int places = p.per().equals("PERSON") ? b.quantity() : 1;
            if (!store.hold(c, r.id(), day, places)) {
                int free = store.allotment(c, r.id(), day)
                        .map(PackageStore.Allotment::free)
                        .orElse(0);
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "sold out: " + r.name() + " has " + free + " place(s) left on " + day + ", " + places
                                + " wanted",
                        r.id());
            }
            Instant cutoff = day.atStartOfDay(zone).toInstant().minus(Duration.ofHours(r.cutoffHours()));
            store.insertBookingPart(
                    c,
                    new BookingPart(
                            b.uuid(),
                            p.position(),
                            r.id(),
                            r.partnerId(),
                            day,
                            places,
                            r.net(),
                            r.currency(),
                            cutoff,
                            "HELD",
                            null,
                            null,
                            null,
                            null));
        }
    }

    @Override
    public void sold(Connection c, Booking b, Instant now) throws SQLException {
        List<BookingPart> parts = store.bookingParts(c, b.uuid());
        if (parts.isEmpty()) { // held before the product became a package (or on a node that did not know yet)
            held(c, b, now);
            parts = store.bookingParts(c, b.uuid());
        }
        for (BookingPart p : parts) {
            if (p.state().equals("HELD")) {
                if (!store.heldToSold(c, p.resourceId(), p.day(), p.places())
                        || !store.sell(c, b.uuid(), p.position(), voucherCode(), now)) {
                    throw new IllegalStateException("partner allotment out of step for booking " + b.uuid());
                }
            }
        }
    }

    @Override
    public void cancelling(Connection c, Booking b, Instant now) throws SQLException {
        BookingPart strictest = null;
        for (BookingPart p : store.bookingParts(c, b.uuid())) {
            if (!p.state().equals("SOLD")) {
                continue;
            }
            if (p.usedAt() != null) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY,
                        "the package cannot be cancelled: a partner's voucher was used at " + p.usedAt(),
                        b.uuid());
            }
            if (strictest == null || p.cutoffAt().isBefore(strictest.cutoffAt())) {
                strictest = p;
            }
        }
        if (strictest != null && now.isAfter(strictest.cutoffAt())) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "the package's cancellation cutoff passed at " + strictest.cutoffAt() + " ("
                            + strictest.resourceId() + " on " + strictest.day()
                            + "): it is cancelled whole or not at all",
                    b.uuid());
        }
    }

    @Override
    public void released(Connection c, Booking b, Instant now) throws SQLException {
        for (BookingPart p : store.bookingParts(c, b.uuid())) {
            boolean sold = p.state().equals("SOLD");
            if ((sold || p.state().equals("HELD")) && store.end(c, b.uuid(), p.position(), p.state(), now)) {
                if (!store.release(c, p.resourceId(), p.day(), p.places(), sold)) {
                    throw new IllegalStateException("partner allotment out of step for booking " + b.uuid());
                }
            }
        }
    }

    /**
     * The tightest part on the day: a PERSON part leaves its free places (of its total), a BOOKING part (a room)
     * any number of visitors while one is free, none when none is; a day without an allotment leaves none.
     */
    @Override
    public Limit limit(Connection c, String productId, LocalDate day) throws SQLException {
        int free = Integer.MAX_VALUE;
        int total = Integer.MAX_VALUE;
        for (Part p : store.parts(c, productId)) {
            PackageStore.Allotment a = store.allotment(c, p.resourceId(), day.plusDays(p.dayOffset()))
                    .orElse(null);
            int partFree = a == null ? 0 : Math.max(0, a.free());
            int partTotal = a == null ? 0 : a.total();
            if (p.per().equals("BOOKING")) {
                partFree = partFree > 0 ? Integer.MAX_VALUE : 0;
                partTotal = partTotal > 0 ? Integer.MAX_VALUE : 0;
            }
            free = Math.min(free, partFree);
            total = Math.min(total, partTotal);
        }
        return new Limit(free, total);
    }

    @Override
    public List<Voucher> vouchers(Connection c, String bookingUuid) throws SQLException {
        List<Voucher> out = new ArrayList<>();
        for (BookingPart p : store.bookingParts(c, bookingUuid)) {
            if (p.voucherCode() != null) {
                Partners.Voucher v =
                        Partners.view(p, store.resource(c, p.resourceId()).orElseThrow());
                out.add(new Voucher(v.code(), v.resourceName(), v.day(), v.places(), v.state()));
            }
        }
        return out;
    }

    /** The vouchers of the sold parts, in the part order, as the booking's OCTO voucher: one CODE128 each. */
    @Override
    public void show(Connection c, Booking b, io.scenicpass.channel.model.Booking view) throws SQLException {
        List<DeliveryOption> vouchers = new ArrayList<>();
        for (BookingPart p : store.bookingParts(c, b.uuid())) {
            if (p.state().equals("SOLD")) {
                vouchers.add(new DeliveryOption()
                        .deliveryFormat(DeliveryFormat.CODE128)
                        .deliveryValue(p.voucherCode()));
            }
        }
        if (!vouchers.isEmpty()) {
            List<DeliveryMethod> methods = new ArrayList<>(view.getDeliveryMethods());
            if (!methods.contains(DeliveryMethod.VOUCHER)) {
                methods.add(DeliveryMethod.VOUCHER);
            }
            view.deliveryMethods(methods)
                    .voucher(new Ticket()
                            .redemptionMethod(RedemptionMethod.DIGITAL)
                            .deliveryOptions(vouchers));
        }
    }

    /** "PV" and 20 characters: 100 random bits, so a code cannot be guessed from others. */
    private String voucherCode() {
        StringBuilder s = new StringBuilder("PV");
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}
