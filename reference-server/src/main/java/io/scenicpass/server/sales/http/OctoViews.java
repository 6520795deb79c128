package io.scenicpass.server.sales.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityStatus;
import io.scenicpass.channel.model.AvailabilityType;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.channel.model.Cancellation;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.DeliveryMethod;
import io.scenicpass.channel.model.DeliveryOption;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.OpeningHours;
import io.scenicpass.channel.model.Option;
import io.scenicpass.channel.model.OptionRestrictions;
import io.scenicpass.channel.model.Pricing;
import io.scenicpass.channel.model.RedemptionMethod;
import io.scenicpass.channel.model.RefundType;
import io.scenicpass.channel.model.Ticket;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.channel.model.UnitPricing;
import io.scenicpass.channel.model.UnitRestrictions;
import io.scenicpass.channel.model.UnitType;
import io.scenicpass.server.Bounds;
import io.scenicpass.server.identity.MaskedIdentity;
import io.scenicpass.server.identity.http.IdentifiedUnitItem;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.Vacancy;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the server's records to the OCTO wire model of sdk-channel (the one shared definition). */
public final class OctoViews {
    /** CNY and most currencies have two minor digits. */
    static final int PRECISION = 2;

    private OctoViews() {}

    public static io.scenicpass.channel.model.Product product(CatalogueService.ProductView pv, boolean pricing) {
        Product p = pv.product();
        List<Option> options = new ArrayList<>();
        for (CatalogueService.OptionView ov : pv.options()) {
            options.add(option(p, ov, pricing));
        }
        return new io.scenicpass.channel.model.Product()
                .pricingPer(pricing ? "UNIT" : null) // every unit item has its own price
                .id(p.id())
                .internalName(p.internalName())
                .reference(p.reference())
                .title(p.internalName())
                .locale("zh-CN")
                .timeZone(p.timeZone())
                .allowFreesale(false)
                .instantConfirmation(true)
                .instantDelivery(true)
                .availabilityRequired(true)
                .availabilityType(p.openingHours() ? AvailabilityType.OPENING_HOURS : AvailabilityType.START_TIME)
                .deliveryFormats(List.of(DeliveryFormat.QRCODE))
                .deliveryMethods(List.of(p.groupPass() ? DeliveryMethod.VOUCHER : DeliveryMethod.TICKET))
                .redemptionMethod(RedemptionMethod.DIGITAL)
                .defaultCurrency(p.currency())
                .availableCurrencies(List.of(p.currency()))
                .options(options);
    }

    private static Option option(Product p, CatalogueService.OptionView ov, boolean pricing) {
        ProductOption o = ov.option();
        List<io.scenicpass.channel.model.Unit> units = new ArrayList<>();
        List<UnitPricing> from = new ArrayList<>();
        for (Unit u : ov.units()) {
            io.scenicpass.channel.model.Unit mu = new io.scenicpass.channel.model.Unit()
                    .id(u.id())
                    .internalName(u.internalName())
                    .reference(u.id())
                    .title(u.internalName())
                    .type(unitType(u.type()))
                    .requiredContactFields(List.of())
                    // OCTO wants whole ages: no lower bound is 0, no upper bound the catalogue's highest age
                    .restrictions(new UnitRestrictions()
                            .minAge(u.minAge() == null ? 0 : u.minAge())
                            .maxAge(u.maxAge() == null ? Bounds.MAX_AGE : u.maxAge())
                            .idRequired(u.idRequired())
                            .minQuantity(null)
                            .maxQuantity(null)
                            .paxCount(u.paxCount())
                            .accompaniedBy(List.of()));
            Price price = ov.price(u.id());
            if (pricing && price != null) {
                UnitPricing up = unitPricing(u.id(), price, p.currency());
                mu.pricingFrom(List.of(up));
                from.add(up);
            }
            units.add(mu);
        }
        List<String> starts = new ArrayList<>();
        for (java.time.LocalTime t = o.openTime(); t.isBefore(o.closeTime()); t = t.plusMinutes(o.intervalMinutes())) {
            starts.add(t.toString());
            if (t.plusMinutes(o.intervalMinutes()).isBefore(t)) {
                break;
            }
        }
        Option opt = new Option()
                .id(o.id())
                .defaultOption(o.isDefault())
                .internalName(o.internalName())
                .reference(o.id())
                .title(o.internalName())
                .availabilityLocalStartTimes(p.openingHours() ? List.of() : starts) // OCTO: none for OPENING_HOURS
                .cancellationCutoff(p.cancelCutoffMinutes() + " minutes")
                .cancellationCutoffAmount(p.cancelCutoffMinutes())
                .cancellationCutoffUnit("minute")
                .requiredContactFields(List.of())
                .restrictions(new OptionRestrictions().minUnits(1).maxUnits(BookingService.MAX_UNITS))
                .units(units);
        if (pricing) {
            opt.pricingFrom(from);
        }
        return opt;
    }

    static UnitPricing unitPricing(String unitId, Price price, String currency) {
        return new UnitPricing()
                .unitId(unitId)
                .original(Math.toIntExact(price.retail()))
                .retail(Math.toIntExact(price.retail()))
                .net(Math.toIntExact(price.net()))
                .currency(currency)
                .currencyPrecision(PRECISION)
                .includedTaxes(List.of());
    }

    public static Availability availability(
            InventoryService.SlotView v, Product p, boolean pricing, List<UnitPricing> unitPricing) {
        Slot s = v.slot();
        Availability a = new Availability()
                .id(s.localStart())
                .localDateTimeStart(OffsetDateTime.parse(s.localStart()))
                .localDateTimeEnd(OffsetDateTime.parse(s.localEnd()))
                .allDay(p.openingHours())
                .available(v.vacancy().available())
                .status(status(v.vacancy()))
                .vacancies(v.vacancies())
                .capacity(v.capacity())
                .maxUnits(Math.min(v.vacancies(), BookingService.MAX_UNITS))
                .utcCutoffAt(s.endAt())
                .openingHours(List.of(new OpeningHours()
                        .from(s.localStart().substring(11, 16))
                        .to(s.localEnd().substring(11, 16))));
        if (pricing && unitPricing != null) {
            a.unitPricing(unitPricing);
        }
        return a;
    }

    /** The OCTO name of a vacancy's status (the rule is {@link Vacancy#status()}). */
    public static AvailabilityStatus status(Vacancy v) {
        return switch (v.status()) {
            case AVAILABLE -> AvailabilityStatus.AVAILABLE;
            case LIMITED -> AvailabilityStatus.LIMITED;
            case SOLD_OUT -> AvailabilityStatus.SOLD_OUT;
            case CLOSED -> AvailabilityStatus.CLOSED;
        };
    }

    /** The OCTO name of a booking's state. */
    static BookingStatus status(BookingState s) {
        return switch (s) {
            case ON_HOLD -> BookingStatus.ON_HOLD;
            case CONFIRMED -> BookingStatus.CONFIRMED;
            case REDEEMED -> BookingStatus.REDEEMED;
            case CANCELLED -> BookingStatus.CANCELLED;
            case EXPIRED -> BookingStatus.EXPIRED;
        };
    }

    /**
     * The OCTO booking for a stored booking. {@code firstEntries}: when each used pass was first admitted (pass id →
     * time). A REDEEMED booking (one of its passes was used) shows REDEEMED only on the unit items whose own pass was
     * used (a group pass: every item); its other items stay CONFIRMED.
     */
    public static io.scenicpass.channel.model.Booking booking(
            Booking b,
            Slot slot,
            Product product,
            List<PassRecord> passes,
            Map<String, Instant> firstEntries,
            Map<String, Unit> units,
            boolean cancellable,
            boolean pricing) {
        return booking(b, slot, product, passes, firstEntries, units, cancellable, pricing, Map.of());
    }

    /** {@code identities}: the unit items' masked documents by item uuid (the identity extension). */
    public static io.scenicpass.channel.model.Booking booking(
            Booking b,
            Slot slot,
            Product product,
            List<PassRecord> passes,
            Map<String, Instant> firstEntries,
            Map<String, Unit> units,
            boolean cancellable,
            boolean pricing,
            Map<String, MaskedIdentity> identities) {
        Map<String, PassRecord> byId =
                passes.stream().collect(Collectors.toMap(PassRecord::passId, Function.identity()));
        BookingStatus status = status(b.status());
        Instant groupUsed = product.groupPass() && !passes.isEmpty()
                ? firstEntries.get(passes.get(0).passId())
                : null;
        List<UnitItem> items = new ArrayList<>();
        for (Booking.UnitItem u : b.unitItems()) {
            Instant used = product.groupPass() ? groupUsed : u.passId() == null ? null : firstEntries.get(u.passId());
            boolean redeemed = status == BookingStatus.REDEEMED && used != null;
            UnitItem mi = IdentifiedUnitItem.of(identities.get(u.uuid()))
                    .uuid(u.uuid())
                    .unitId(u.unitId())
                    .resellerReference(u.resellerReference())
                    .supplierReference(u.supplierReference())
                    .status(status == BookingStatus.REDEEMED && !redeemed ? BookingStatus.CONFIRMED : status)
                    .utcRedeemedAt(redeemed ? used : null);
            if (!product.groupPass()
                    && u.passId() != null
                    && byId.containsKey(u.passId())
                    && b.status().isSold()) {
                mi.ticket(ticket(byId.get(u.passId()), redeemed ? used : null));
            } else if (!product.groupPass()) {
                mi.ticket(OctoShapes.noTicketYet()); // OCTO: a TICKET product's items always carry a ticket
            }
            mi.contact(OctoShapes.contact(u.contactJson()));
            if (pricing) {
                mi.pricing(new Pricing()
                        .original(Math.toIntExact(u.retail()))
                        .retail(Math.toIntExact(u.retail()))
                        .net(Math.toIntExact(u.net()))
                        .currency(b.currency())
                        .currencyPrecision(PRECISION)
                        .includedTaxes(List.of()));
            }
            items.add(mi);
        }
        io.scenicpass.channel.model.Booking mb = new io.scenicpass.channel.model.Booking()
                .id(b.uuid())
                .uuid(b.uuid())
                .testMode(false)
                .resellerReference(b.resellerReference())
                .supplierReference(b.supplierReference())
                .status(status)
                .utcCreatedAt(b.createdAt())
                .utcUpdatedAt(b.updatedAt())
                .utcExpiresAt(b.status() == BookingState.ON_HOLD ? b.expiresAt() : null)
                .utcRedeemedAt(b.redeemedAt())
                .utcConfirmedAt(b.confirmedAt())
                .productId(b.productId())
                .optionId(b.optionId())
                .cancellable(cancellable)
                .freesale(false)
                .availabilityId(slot.localStart())
                .availability(new Availability()
                        .id(slot.localStart())
                        .localDateTimeStart(OffsetDateTime.parse(slot.localStart()))
                        .localDateTimeEnd(OffsetDateTime.parse(slot.localEnd()))
                        .allDay(product.openingHours())
                        .openingHours(List.of(new OpeningHours()
                                .from(slot.localStart().substring(11, 16))
                                .to(slot.localEnd().substring(11, 16))))
                        .utcCutoffAt(slot.endAt())
                        .available(!slot.closed())
                        .status(status(new Vacancy(slot.vacancies(), slot.capacity(), slot.closed())))
                        .vacancies(slot.vacancies())
                        .capacity(slot.capacity())
                        .maxUnits(Math.min(slot.vacancies(), BookingService.MAX_UNITS))
                        .openingHours(List.of(new OpeningHours()
                                .from(slot.localStart().substring(11, 16))
                                .to(slot.localEnd().substring(11, 16)))))
                .contact(OctoShapes.contact(b.contactJson()))
                .notes(b.notes())
                .deliveryMethods(List.of(product.groupPass() ? DeliveryMethod.VOUCHER : DeliveryMethod.TICKET))
                .unitItems(items);
        if (product.groupPass() && !passes.isEmpty() && b.status().isSold()) {
            mb.voucher(ticket(passes.get(0), groupUsed));
        } else if (product.groupPass()) {
            mb.voucher(OctoShapes.noTicketYet()); // OCTO: a VOUCHER product's booking always carries its voucher
        }
        if (b.status() == BookingState.CANCELLED) {
            mb.cancellation(new Cancellation()
                    .refund(b.cancelRefund() == null ? RefundType.NONE : RefundType.valueOf(b.cancelRefund()))
                    .reason(b.cancelReason())
                    .utcCancelledAt(b.cancelledAt()));
        }
        if (pricing) {
            mb.pricing(new Pricing()
                    .original(Math.toIntExact(b.totalRetail()))
                    .retail(Math.toIntExact(b.totalRetail()))
                    .net(Math.toIntExact(b.totalNet()))
                    .currency(b.currency())
                    .currencyPrecision(PRECISION)
                    .includedTaxes(List.of()));
        }
        return mb;
    }

    private static Ticket ticket(PassRecord p, Instant redeemedAt) {
        return new Ticket()
                .redemptionMethod(RedemptionMethod.DIGITAL)
                .utcRedeemedAt(redeemedAt)
                .deliveryOptions(List.of(new DeliveryOption()
                        .deliveryFormat(DeliveryFormat.QRCODE)
                        .deliveryValue(p.passText())));
    }

    public static String contactJson(Contact c) {
        if (c == null) {
            return null;
        }
        try {
            return OctoJson.mapper().writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnitType unitType(String t) {
        try {
            return UnitType.valueOf(t);
        } catch (IllegalArgumentException e) {
            return UnitType.OTHER;
        }
    }
}
