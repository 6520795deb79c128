package io.scenicpass.server.sales;

import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.visitors.VisitorHint;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Price reductions of a new reservation (offers, promo codes, coupons): the {@code offers} feature implements it; none
 * by default. Every channel's reservation ({@link BookingService#reserve}: OCTO, shop, counter) is priced through it.
 */
public interface Discounts {
    /**
     * A reservation being priced: its uuid, channel, product, option, visit day, unit items at the channel's prices
     * (with their units, same order), the code the buyer gave (null: none) and who buys (null: unknown).
     */
    record Request(
            String bookingUuid,
            Channel channel,
            Product product,
            String optionId,
            LocalDate day,
            List<Booking.UnitItem> items,
            List<Unit> units,
            String code,
            VisitorHint visitor) {}

    /**
     * An offer applied to a booking: its id, code (null: automatic), title, whether it is a combination offer, the
     * retail amount taken off in minor units in total and per unit item (by position), and the net amounts per item
     * (the same share of the net price).
     */
    record Applied(
            String offerId,
            String code,
            String title,
            boolean combination,
            long amount,
            List<Long> itemAmounts,
            List<Long> itemNetAmounts) {}

    /**
     * An automatic offer the booking fitted but did not get, and why: {@code reason} a typed problem code
     * ({@code OFFER_LIMIT_REACHED}: used up in total or by this visitor), shown next to the price.
     */
    record Declined(String offerId, String title, String reason) {}

    /** The unit items with their reduced prices (same order) and what was applied. */
    record Priced(List<Booking.UnitItem> items, List<Applied> applied) {}

    /**
     * Prices a reservation and claims what it uses (an offer's limits, a coupon) for {@code bookingUuid}; the same uuid
     * priced again gets its claim back. Refuses a code that does not apply with a typed problem.
     */
    Priced price(Request r);

    /** The reservation {@code bookingUuid} was not made: gives back what {@link #price} claimed for it. */
    void release(String bookingUuid);

    /** What was applied to a booking (empty: nothing), in the caller's transaction. */
    List<Applied> applied(Connection c, String bookingUuid) throws SQLException;

    /** The automatic offers the booking fitted but did not get, with why (empty: none), in the caller's transaction. */
    default List<Declined> declined(Connection c, String bookingUuid) throws SQLException {
        return List.of();
    }

    /** No discounts: the channel's prices as they are. */
    Discounts NONE = new Discounts() {
        @Override
        public Priced price(Request r) {
            if (r.code() != null) {
                throw new io.scenicpass.server.ServiceException(
                        io.scenicpass.server.Problem.OFFER_UNKNOWN, "OFFER_UNKNOWN: no offer has this code", r.code());
            }
            return new Priced(r.items(), List.of());
        }

        @Override
        public void release(String bookingUuid) {}

        @Override
        public List<Applied> applied(Connection c, String bookingUuid) {
            return List.of();
        }
    };
}
