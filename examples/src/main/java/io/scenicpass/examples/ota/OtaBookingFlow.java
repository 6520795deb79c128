package io.scenicpass.examples.ota;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.Option;
import io.scenicpass.channel.model.Product;
import io.scenicpass.channel.model.Unit;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.channel.model.UnitType;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The booking flow of an OTA, step by step: list products, check tomorrow's availability in the product's
 * time zone, reserve, confirm, and return the tickets. Everything an OTA needs is in these ~100 lines.
 */
public final class OtaBookingFlow {
    /** What the flow produced. */
    public static final class Result {
        /** The product booked. */
        public final Product product;
        /** The slot booked. */
        public final Availability slot;
        /** The confirmed booking. */
        public final Booking booking;
        /** The QR text (signed pass) of each ticket, in unit-item order. */
        public final List<String> qrCodes;

        Result(Product product, Availability slot, Booking booking, List<String> qrCodes) {
            this.product = product;
            this.slot = slot;
            this.booking = booking;
            this.qrCodes = qrCodes;
        }
    }

    private final ChannelClient client;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param client the channel client
     * @param clock the clock ("tomorrow" is computed in the product's time zone)
     * @param out where to narrate the steps
     */
    public OtaBookingFlow(ChannelClient client, Clock clock, PrintStream out) {
        this.client = client;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Runs the flow.
     *
     * @param productId the product to book, or null for the first one offered
     * @param adults how many adult tickets
     * @param resellerReference the OTA's order number
     * @return the confirmed booking and its QR codes
     */
    public Result run(String productId, int adults, String resellerReference) {
        return run(productId, java.util.Collections.nCopies(adults, UnitType.ADULT), resellerReference);
    }

    /**
     * Books tomorrow's first slot with room for one ticket per entry of {@code units}.
     *
     * @param productId the product (null: the first one offered)
     * @param units one unit type per ticket (ADULT, CHILD, SENIOR…; a type the option lacks falls back to its first
     *     unit)
     * @param resellerReference the OTA's own order reference
     * @return the confirmed booking and its QR codes
     */
    public Result run(String productId, List<UnitType> units, String resellerReference) {
        int tickets = units.size();
        List<Product> products = client.products();
        out.printf("1. %d product(s) on sale:%n", products.size());
        for (Product p : products) {
            out.printf(
                    "   - %s  %s  (%s)%n",
                    p.getId(), p.getTitle() != null ? p.getTitle() : p.getInternalName(), p.getTimeZone());
        }
        Product product = products.stream()
                .filter(p -> productId == null || productId.equals(p.getId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("product not offered: " + productId));
        Option option = product.defaultOption();

        LocalDate tomorrow =
                LocalDate.now(clock.withZone(ZoneId.of(product.getTimeZone()))).plusDays(1);
        List<Availability> slots = client.availability(new AvailabilityRequest()
                .productId(product.getId())
                .optionId(option.getId())
                .localDate(tomorrow));
        out.printf("2. availability of %s on %s:%n", product.getId(), tomorrow);
        for (Availability a : slots) {
            out.printf(
                    "   - %s-%s  %-9s %s/%s left  (id %s)%n",
                    a.getLocalDateTimeStart().toLocalTime(),
                    a.getLocalDateTimeEnd() == null
                            ? ""
                            : a.getLocalDateTimeEnd().toLocalTime(),
                    a.getStatus(),
                    a.getVacancies(),
                    a.getCapacity(),
                    a.getId());
        }
        Availability slot = slots.stream()
                .filter(a -> a.isAvailable() && (a.getVacancies() == null || a.getVacancies() >= tickets))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("nothing bookable tomorrow"));

        List<UnitItemRequest> items = new ArrayList<>();
        for (UnitType type : units) {
            Unit unit = option.getUnits().stream()
                    .filter(u -> u.getType() == type)
                    .findFirst()
                    .orElse(option.getUnits().get(0));
            items.add(new UnitItemRequest().unitId(unit.getId()));
        }
        BookingReservationRequest reservation = new BookingReservationRequest()
                .productId(product.getId())
                .optionId(option.getId())
                .availabilityId(slot.getId())
                .expirationMinutes(15)
                .resellerReference(resellerReference)
                .unitItems(items);
        Booking held = client.reserve(reservation);
        out.printf("3. reserved %s: %s until %s%n", held.getUuid(), held.getStatus(), held.getUtcExpiresAt());

        Booking confirmed = client.confirm(
                held.getUuid(),
                new BookingConfirmationRequest()
                        .resellerReference(resellerReference)
                        .contact(new Contact()
                                .fullName("Demo Traveller")
                                .emailAddress("traveller@example.com")
                                .country("CN")));
        out.printf(
                "4. confirmed %s: %s, %d ticket(s)%s%n",
                confirmed.getUuid(),
                confirmed.getStatus(),
                confirmed.getUnitItems().size(),
                confirmed.getPricing() == null
                        ? ""
                        : ", "
                                + money(
                                        confirmed.getPricing().getRetail(),
                                        confirmed.getPricing().getCurrencyPrecision())
                                + " " + confirmed.getPricing().getCurrency());

        return new Result(product, slot, confirmed, qrCodes(confirmed));
    }

    /**
     * The QR texts of a confirmed booking: one per unit item, or the single voucher of a group pass.
     *
     * @param booking a confirmed booking
     * @return the QR texts (signed passes)
     */
    public static List<String> qrCodes(Booking booking) {
        List<String> qr = new ArrayList<>();
        if (booking.getVoucher() != null && booking.getVoucher().deliveryValue(DeliveryFormat.QRCODE) != null) {
            qr.add(booking.getVoucher().deliveryValue(DeliveryFormat.QRCODE));
            return qr;
        }
        for (UnitItem item : booking.getUnitItems()) {
            String value = item.getTicket() == null ? null : item.getTicket().deliveryValue(DeliveryFormat.QRCODE);
            if (value == null) {
                throw new IllegalStateException("unit item " + item.getUuid() + " has no QRCODE ticket");
            }
            qr.add(value);
        }
        return qr;
    }

    private static String money(Integer minor, Integer precision) {
        if (minor == null) {
            return "?";
        }
        int p = precision == null ? 2 : precision;
        return java.math.BigDecimal.valueOf(minor, p).toPlainString();
    }
}
