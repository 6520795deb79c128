package io.scenicpass.server.offers;

import io.scenicpass.server.sales.Discounts;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.visitors.Segments;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether an offer applies to an order, and what it takes off a unit item (docs/operations.md § Offers). */
final class Rules {
    private Rules() {}

    /** Why {@code o} does not apply to the reservation (a sentence for the buyer), or null when it does. */
    static String whyNot(Offer o, Discounts.Request r, Optional<Long> visitor, Segments segments) {
        if (o.status() != Offer.Status.ACTIVE) {
            return "this offer is paused";
        }
        if (o.validFrom() != null && r.day().isBefore(o.validFrom())
                || o.validTo() != null && r.day().isAfter(o.validTo())) {
            return validity(o);
        }
        if (o.productId() != null && !o.productId().equals(r.product().id())) {
            return "this offer is for another product";
        }
        if (r.units().stream().noneMatch(u -> fits(o, r.product().id(), u))) {
            return "this offer is for " + o.unitType() + " tickets, and the order has none";
        }
        Set<String> types = r.units().stream().map(Unit::type).collect(Collectors.toSet());
        if (!types.containsAll(o.combination())) {
            return "this offer is for orders with " + String.join(" + ", o.combination()) + " tickets";
        }
        if (o.segment() != null && (visitor.isEmpty() || !segments.contains(o.segment(), visitor.get()))) {
            return "this offer is for visitors of the segment " + o.segment();
        }
        return null;
    }

    /** The offer's visit days as the buyer reads them (one bound may be open). */
    static String validity(Offer o) {
        if (o.validFrom() == null) {
            return "this offer is valid for visits until " + o.validTo();
        }
        return "this offer is valid for visits from " + o.validFrom()
                + (o.validTo() == null ? "" : " to " + o.validTo());
    }

    /** Whether the offer reduces a unit item of this product and unit. */
    static boolean fits(Offer o, String productId, Unit u) {
        return (o.productId() == null || o.productId().equals(productId))
                && (o.unitType() == null || o.unitType().equalsIgnoreCase(u.type()));
    }

    /** What the offer takes off a price: a percentage (rounded down) or an amount (at most the price). */
    static long off(Offer o, long retail) {
        return o.kind() == Offer.Kind.PERCENT ? retail * o.amount() / 100 : Math.min(retail, o.amount());
    }
}
