package io.scenicpass.channel.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which OCTO schema each model class stands for, and the OCTO properties we leave out on purpose (and why). */
final class OctoModelGaps {
    /** Model class → the OCTO schema (components/schemas in openapi.yaml) it models. */
    static final Map<Class<?>, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put(Supplier.class, "Supplier");
        SCHEMAS.put(SupplierContact.class, "SupplierContact");
        SCHEMAS.put(Product.class, "Product");
        SCHEMAS.put(Option.class, "Option");
        SCHEMAS.put(OptionRestrictions.class, "OptionRestrictions");
        SCHEMAS.put(Unit.class, "Unit");
        SCHEMAS.put(UnitRestrictions.class, "UnitRestrictions");
        SCHEMAS.put(Availability.class, "Availability");
        SCHEMAS.put(AvailabilityCalendarDay.class, "AvailabilityCalendar");
        SCHEMAS.put(OpeningHours.class, "OpeningHours");
        SCHEMAS.put(Booking.class, "Booking");
        SCHEMAS.put(UnitItem.class, "UnitItem");
        SCHEMAS.put(Contact.class, "Contact");
        SCHEMAS.put(Ticket.class, "Ticket");
        SCHEMAS.put(DeliveryOption.class, "DeliveryOption");
        SCHEMAS.put(Cancellation.class, "BookingCancellation");
        SCHEMAS.put(Pricing.class, "Pricing");
        SCHEMAS.put(UnitPricing.class, "Pricing"); // a Pricing with the unitId it is for
        SCHEMAS.put(Tax.class, "Tax");
        SCHEMAS.put(AvailabilityRequest.class, "AvailabilityCheckBody");
        SCHEMAS.put(AvailabilityCalendarRequest.class, "AvailabilityCalendarBody");
        SCHEMAS.put(UnitQuantity.class, "AvailabilityUnit");
        SCHEMAS.put(BookingReservationRequest.class, "BookingReservationBody");
        SCHEMAS.put(BookingConfirmationRequest.class, "BookingConfirmationBody");
        SCHEMAS.put(BookingUpdateRequest.class, "BookingUpdateBody");
        SCHEMAS.put(BookingCancellationRequest.class, "BookingCancellationBody");
        SCHEMAS.put(BookingExtendRequest.class, "ExtendReservationBody");
        SCHEMAS.put(UnitItemRequest.class, "BookingUnitItem");
        SCHEMAS.put(OctoError.class, "BaseError");
    }

    /** Request bodies: sent compact (no nulls), so OCTO's "required, null when unknown" does not apply. */
    static final Set<Class<?>> REQUESTS = Set.of(
            AvailabilityRequest.class,
            AvailabilityCalendarRequest.class,
            UnitQuantity.class,
            BookingReservationRequest.class,
            BookingConfirmationRequest.class,
            BookingUpdateRequest.class,
            BookingCancellationRequest.class,
            BookingExtendRequest.class,
            UnitItemRequest.class);

    /** The capabilities whose fields the model carries; fields of other capabilities are not checked. */
    static final Set<String> CAPABILITIES = Set.of("octo/pricing");

    /** {@code Class.property} of OCTO that our model does not carry, each with its reason. */
    static final Set<String> NOT_MODELLED = Set.of(
            // octo/pricing: the server shows one price per unit (pricingFrom, unitPricing), not a list per currency
            "Option.pricing",
            "Unit.pricing",
            "AvailabilityCalendarDay.pricingFrom",
            // optional embeddings of the product, option and unit in a booking: the ids are there
            "Booking.product",
            "Booking.option",
            "UnitItem.unit",
            // one currency per supplier (CNY): a request cannot choose another
            "AvailabilityRequest.currency",
            "AvailabilityCalendarRequest.currency",
            "BookingReservationRequest.currency",
            // the supplier does not e-mail receipts; the reseller delivers the voucher
            "BookingConfirmationRequest.emailReceipt",
            "BookingUpdateRequest.emailReceipt");

    private OctoModelGaps() {}

    /** The model classes standing for an OCTO schema (empty when we model none). */
    static Set<Class<?>> modelsOf(String schema) {
        Set<Class<?>> out = new java.util.HashSet<>();
        SCHEMAS.forEach((type, s) -> {
            if (s.equals(schema)) {
                out.add(type);
            }
        });
        return out;
    }
}
