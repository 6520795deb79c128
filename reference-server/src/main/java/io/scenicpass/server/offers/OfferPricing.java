package io.scenicpass.server.offers;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.offers.store.CouponStore;
import io.scenicpass.server.offers.store.OfferStore;
import io.scenicpass.server.offers.store.RedemptionStore;
import io.scenicpass.server.sales.Discounts;
import io.scenicpass.server.sales.store.Booking;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Offers in pricing ({@link Discounts}, every channel's reservation): the offer of the code given (a promo code or a
 * coupon), else the automatic offer that takes off most; one offer per booking. Its limits are claimed with the
 * offer's row locked (a coupon's with its own row locked), so parallel reservations never exceed them.
 */
final class OfferPricing implements Discounts {
    /** How long a claim counts before its booking row exists (a reservation in flight). */
    static final Duration IN_FLIGHT = Duration.ofMinutes(10);

    private final Database db;
    private final OfferStore offers;
    private final CouponStore coupons;
    private final RedemptionStore redemptions;
    private final MutableHub hub;
    private final Clock clock;

    OfferPricing(
            Database db,
            OfferStore offers,
            CouponStore coupons,
            RedemptionStore redemptions,
            MutableHub hub,
            Clock clock) {
        this.db = db;
        this.offers = offers;
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.hub = hub;
        this.clock = clock;
    }

    /** An offer that fits, what it takes off each item, and the coupon it came with (null: none). */
    private record Fit(Offer offer, List<Long> off, List<Long> netOff, String coupon) {
        long total() {
            return off.stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public Priced price(Request r) {
        String code = normalise(r.code());
        Optional<Long> visitor =
                r.visitor() == null ? Optional.empty() : hub.get().directory().find(r.visitor());
        Fit fit = code != null ? coded(r, code, visitor) : claimBest(r, visitor);
        if (fit == null || fit.total() == 0) {
            return new Priced(r.items(), List.of());
        }
        if (code != null) { // an automatic offer was claimed when chosen
            claim(r, fit, visitor.orElse(null));
        }
        List<Booking.UnitItem> items = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            Booking.UnitItem u = r.items().get(i);
            items.add(new Booking.UnitItem(
                    u.uuid(),
                    u.position(),
                    u.unitId(),
                    u.resellerReference(),
                    u.supplierReference(),
                    u.retail() - fit.off().get(i),
                    u.net() - fit.netOff().get(i),
                    u.passId(),
                    u.contactJson()));
        }
        Offer o = fit.offer();
        return new Priced(
                items,
                List.of(new Applied(
                        o.id(),
                        fit.coupon() != null ? fit.coupon() : o.code(),
                        o.title(),
                        !o.combination().isEmpty(),
                        fit.total(),
                        fit.off(),
                        fit.netOff())));
    }

    @Override
    public void release(String bookingUuid) {
        db.tx(c -> redemptions.releaseOrphans(c, bookingUuid));
    }

    @Override
    public List<Applied> applied(Connection c, String bookingUuid) throws SQLException {
        List<Applied> out = new ArrayList<>();
        for (RedemptionStore.Row row : redemptions.ofBooking(c, bookingUuid)) {
            Offer o = offers.find(c, row.offerId()).orElseThrow();
            out.add(RedemptionStore.applied(
                    row,
                    row.couponCode() != null ? row.couponCode() : o.code(),
                    o.title(),
                    !o.combination().isEmpty()));
        }
        return out;
    }

    @Override
    public List<Declined> declined(Connection c, String bookingUuid) throws SQLException {
        List<Declined> out = new ArrayList<>();
        for (String[] d : redemptions.declined(c, bookingUuid)) {
            offers.find(c, d[0]).ifPresent(o -> out.add(new Declined(o.id(), o.title(), d[1])));
        }
        return out;
    }

    /** The offer of a promo code or coupon: refused with a typed problem when it does not apply. */
    private Fit coded(Request r, String code, Optional<Long> visitor) {
        return db.read(c -> {
            Optional<Offer> promo = offers.byCode(c, code);
            if (promo.isPresent()) {
                Offer o = promo.get();
                String why = Rules.whyNot(o, r, visitor, hub.get().segments());
                if (why != null) {
                    throw new ServiceException(Problem.OFFER_NOT_APPLICABLE, "OFFER_NOT_APPLICABLE: " + why, code);
                }
                return fit(o, r, null);
            }
            CouponStore.Coupon k = coupons.find(c, code)
                    .orElseThrow(() -> new ServiceException(
                            Problem.OFFER_UNKNOWN, "OFFER_UNKNOWN: no offer or coupon has this code", code));
            if (k.expiresAt() <= clock.millis()) {
                throw new ServiceException(Problem.COUPON_EXPIRED, "COUPON_EXPIRED: this coupon has expired", code);
            }
            Offer o = offers.find(c, k.offerId()).orElseThrow();
            String why = Rules.whyNot(o, r, Optional.empty(), hub.get().segments());
            if (why != null) {
                throw new ServiceException(Problem.OFFER_NOT_APPLICABLE, "OFFER_NOT_APPLICABLE: " + why, code);
            }
            return fit(o, r, code);
        });
    }

    /**
     * The automatic offer that fits and takes off most (ties: the oldest id), claimed; one used up (in total or by
     * this visitor) is noted as declined with its reason and the next best is tried. Null: none (the full price).
     */
    private Fit claimBest(Request r, Optional<Long> visitor) {
        List<Fit> fits = new ArrayList<>();
        for (Offer o : db.read(offers::automatic)) {
            if (Rules.whyNot(o, r, visitor, hub.get().segments()) == null) {
                Fit f = fit(o, r, null);
                if (f.total() > 0) {
                    fits.add(f);
                }
            }
        }
        fits.sort(java.util.Comparator.comparingLong(Fit::total).reversed()); // stable: ties keep the oldest first
        for (Fit f : fits) {
            try {
                claim(r, f, visitor.orElse(null));
                return f;
            } catch (ServiceException e) {
                if (e.problem() != Problem.OFFER_LIMIT_REACHED) {
                    throw e;
                }
                long now = clock.millis(); // an automatic offer used up: never a refusal, but the price says why
                db.tx(c -> {
                    redemptions.decline(
                            c, r.bookingUuid(), f.offer().id(), e.problem().name(), now);
                    return null;
                });
            }
        }
        return null;
    }

    private static Fit fit(Offer o, Request r, String coupon) {
        List<Long> off = new ArrayList<>();
        List<Long> netOff = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            Booking.UnitItem u = r.items().get(i);
            long x = Rules.fits(o, r.product().id(), r.units().get(i)) ? Rules.off(o, u.retail()) : 0;
            off.add(x);
            netOff.add(u.retail() == 0 ? 0 : Math.min(u.net(), u.net() * x / u.retail()));
        }
        return new Fit(o, off, netOff, coupon);
    }

    /**
     * Records the redemption, the offer's row locked: refused when it would exceed the offer's total or per-visitor
     * limit, or use a coupon a live booking used. The same booking uuid claims once.
     */
    private void claim(Request r, Fit fit, Long visitorId) {
        Offer o = fit.offer();
        long now = clock.millis();
        long liveSince = now - IN_FLIGHT.toMillis();
        db.dialect()
                .onHotRow(
                        "offer:" + o.id(),
                        () -> db.tx(c -> {
                            Offer locked = offers.lock(c, o.id()).orElseThrow();
                            if (redemptions.ofBooking(c, r.bookingUuid()).stream()
                                    .anyMatch(x -> x.offerId().equals(o.id()))) {
                                return null; // a retry of this reservation: its claim stands
                            }
                            if (fit.coupon() != null) {
                                coupons.lock(c, fit.coupon()).orElseThrow();
                                if (redemptions
                                        .couponUse(c, fit.coupon(), liveSince)
                                        .isPresent()) {
                                    throw new ServiceException(
                                            Problem.COUPON_USED,
                                            "COUPON_USED: this coupon was used already",
                                            fit.coupon());
                                }
                            }
                            if (locked.totalLimit() != null
                                    && redemptions.live(c, o.id(), null, liveSince) >= locked.totalLimit()) {
                                throw new ServiceException(
                                        Problem.OFFER_LIMIT_REACHED,
                                        "OFFER_LIMIT_REACHED: this offer is used up",
                                        o.code());
                            }
                            // a buyer the hub does not know yet gets a record now, under the offer's lock: their
                            // next order finds it even before the hub's feed reads this one
                            Long visitor = visitorId != null || locked.perVisitorLimit() == null || r.visitor() == null
                                    ? visitorId
                                    : hub.get()
                                            .directory()
                                            .findOrCreate(c, r.visitor())
                                            .orElse(null);
                            if (locked.perVisitorLimit() != null
                                    && visitor != null
                                    && redemptions.live(c, o.id(), visitor, liveSince) >= locked.perVisitorLimit()) {
                                throw new ServiceException(
                                        Problem.OFFER_LIMIT_REACHED,
                                        "OFFER_LIMIT_REACHED: you used this offer as often as it may be used",
                                        o.code());
                            }
                            redemptions.insert(
                                    c,
                                    new RedemptionStore.Row(
                                            o.id(),
                                            r.bookingUuid(),
                                            r.channel().id(),
                                            visitor,
                                            fit.coupon(),
                                            fit.total(),
                                            fit.off(),
                                            fit.netOff(),
                                            r.product().currency(),
                                            now));
                            return null;
                        }));
    }

    /** A code as typed: trimmed, upper case; null for none. */
    static String normalise(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
