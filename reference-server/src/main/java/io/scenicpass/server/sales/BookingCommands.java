package io.scenicpass.server.sales;

import io.scenicpass.server.identity.IdentityInput;
import java.util.List;

/**
 * What a channel asks of {@link BookingService}, in the server's own terms (the OCTO handler builds these from its
 * request bodies, see {@code sales.http.OctoCommands}).
 */
public final class BookingCommands {
    private BookingCommands() {}

    /** The reseller's details of a booking; each null leaves the stored value as it is (none on a new booking). */
    public record Details(String resellerReference, String contactJson, String notes) {}

    /**
     * One requested unit item (one visitor): a unit of the option, the reseller's own reference for it, the visitor's
     * identity document (null: none given; see {@code identity/}), the reseller's uuid for the item (null: the
     * server's, or the item's current one) and the visitor's contact as OCTO JSON (null: none, or keep it).
     */
    public record Item(
            String unitId, String resellerReference, IdentityInput identity, String uuid, String contactJson) {
        public Item(String unitId, String resellerReference, IdentityInput identity) {
            this(unitId, resellerReference, identity, null, null);
        }

        public Item(String unitId, String resellerReference) {
            this(unitId, resellerReference, null);
        }
    }

    /**
     * Hold places. {@code fingerprint} identifies the request's content: a retry with the same uuid and fingerprint
     * is answered with the booking made the first time, the same uuid with another fingerprint is refused.
     */
    public record Reserve(
            String uuid,
            String fingerprint,
            String productId,
            String optionId,
            String availabilityId,
            List<Item> unitItems,
            Integer expirationMinutes,
            Details details,
            OfferCode offer) {
        public Reserve {
            details = details == null ? new Details(null, null, null) : details;
        }

        public Reserve(
                String uuid,
                String fingerprint,
                String productId,
                String optionId,
                String availabilityId,
                List<Item> unitItems,
                Integer expirationMinutes,
                Details details) {
            this(uuid, fingerprint, productId, optionId, availabilityId, unitItems, expirationMinutes, details, null);
        }

        /** The same reservation under the given uuid (the server's own when the channel sent none). */
        public Reserve withUuid(String newUuid) {
            return new Reserve(
                    newUuid,
                    fingerprint,
                    productId,
                    optionId,
                    availabilityId,
                    unitItems,
                    expirationMinutes,
                    details,
                    offer);
        }

        /** The same reservation with an offer or coupon code and who buys (see {@link Discounts}). */
        public Reserve withOffer(OfferCode o) {
            return new Reserve(
                    uuid, fingerprint, productId, optionId, availabilityId, unitItems, expirationMinutes, details, o);
        }
    }

    /**
     * The promo or coupon code a buyer gave (null: none, automatic offers only) and what is known of who buys (null:
     * nothing), for segment offers and per-visitor limits.
     */
    public record OfferCode(String code, io.scenicpass.server.visitors.VisitorHint visitor) {}

    /**
     * Confirm a hold, optionally updating its details (null: leave them), replacing its unit items (null or empty:
     * keep them; see {@link BookingChanges}) and giving the visitors' documents by unit item position (empty: none).
     */
    public record Confirm(Details details, List<Item> unitItems, List<IdentityInput> identities) {
        public Confirm(Details details) {
            this(details, null, List.of());
        }

        public Confirm(Details details, List<Item> unitItems) {
            this(details, unitItems, List.of());
        }
    }

    /** Extend a hold by {@code expirationMinutes} from now (null: the default). */
    public record Extend(Integer expirationMinutes) {}

    /**
     * Update a booking's details (and extend its hold when {@code expirationMinutes} is given), and move it to another
     * product, option, availability or set of unit items; each null (unit items: null or empty) keeps the current one.
     * A move takes the new places before the old ones are given back, in one transaction ({@link BookingChanges}).
     * {@code identifiedItems}: unit items sent only to give their visitors' documents (the booking's items in order,
     * same units; a request cannot both change unit items and give documents).
     */
    public record Update(
            String productId,
            String optionId,
            String availabilityId,
            List<Item> unitItems,
            Integer expirationMinutes,
            Details details,
            List<Item> identifiedItems) {
        public Update(
                String productId,
                String optionId,
                String availabilityId,
                List<Item> unitItems,
                Integer expirationMinutes,
                Details details) {
            this(productId, optionId, availabilityId, unitItems, expirationMinutes, details, List.of());
        }
    }

    /** Cancel, with the reseller's reason (may be null). */
    public record Cancel(String reason) {}
}
