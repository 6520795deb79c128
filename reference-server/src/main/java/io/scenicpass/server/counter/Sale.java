package io.scenicpass.server.counter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scenicpass.server.identity.MaskedIdentity;
import java.time.Instant;
import java.util.List;

/**
 * A counter sale as the devices and the admin API see it (docs/terminal-integration.md § "Selling at the counter"):
 * amounts in fen; {@code expiresAt} while places are held; {@code tickets} once PAID; {@code payment} null until one
 * starts.
 */
public record Sale(
        String saleId,
        String deviceId,
        String state,
        String productId,
        String slotId,
        long amountFen,
        String currency,
        String bookingId,
        String bookingCode,
        Instant expiresAt,
        Payment payment,
        List<Ticket> tickets,
        Receipt receipt,
        List<Discount> discounts,
        List<Voucher> vouchers) {

    public Sale(
            String saleId,
            String deviceId,
            String state,
            String productId,
            String slotId,
            long amountFen,
            String currency,
            String bookingId,
            String bookingCode,
            Instant expiresAt,
            Payment payment,
            List<Ticket> tickets,
            Receipt receipt) {
        this(
                saleId,
                deviceId,
                state,
                productId,
                slotId,
                amountFen,
                currency,
                bookingId,
                bookingCode,
                expiresAt,
                payment,
                tickets,
                receipt,
                List.of(),
                List.of());
    }

    /**
     * What an offer took off the sale's price (offers): its title, the code given (null: an automatic offer), the amount
     * in fen; {@code amountFen} is the price after it.
     */
    public record Discount(String title, String code, long amountFen) {
        /** The discounts the booking got. */
        public static List<Discount> of(List<io.scenicpass.server.sales.Discounts.Applied> applied) {
            return applied.stream()
                    .map(a -> new Discount(a.title(), a.code(), a.amount()))
                    .toList();
        }
    }

    /**
     * A package's partner part, printed or shown with the tickets once PAID: the voucher code the partner checks, the
     * item (room, bus line), its day and places, and {@code url} the voucher's page ({@code /package-vouchers/{code}}).
     */
    public record Voucher(String code, String item, java.time.LocalDate day, int places, String url) {
        /** The booking's vouchers as the sale shows them. */
        public static List<Voucher> of(List<io.scenicpass.server.sales.BookingParts.Voucher> parts) {
            return parts.stream()
                    .filter(v -> !v.state().equals("VOID"))
                    .map(v -> new Voucher(v.code(), v.item(), v.day(), v.places(), "/package-vouchers/" + v.code()))
                    .toList();
        }
    }

    /** The sale's payment: the provider payment's id (none for cash), method, state, the QR to show (NATIVE). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payment(String id, String method, String state, String codeUrl) {}

    /** One printed ticket: the pass and its QR text, the unit, the masked holder (real-name), product and slot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ticket(
            String passId,
            String qrText,
            String unitId,
            String unitName,
            MaskedIdentity holder,
            String productName,
            String slotStart) {

        /**
         * One ticket per valid pass of the booking, in unit-item order (a group pass covers several unit items: the
         * first one's holder is shown); revoked and missing passes are left out.
         */
        public static List<Ticket> of(
                io.scenicpass.server.sales.store.Booking b,
                java.util.function.Function<String, io.scenicpass.server.sales.store.PassRecord> pass,
                java.util.function.Function<String, String> unitName,
                java.util.Map<String, MaskedIdentity> holders,
                String productName,
                String slotStart) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<Ticket> out = new java.util.ArrayList<>();
            for (io.scenicpass.server.sales.store.Booking.UnitItem item : b.unitItems()) {
                if (item.passId() == null || !seen.add(item.passId())) {
                    continue;
                }
                io.scenicpass.server.sales.store.PassRecord pr = pass.apply(item.passId());
                if (pr != null && !pr.revoked()) {
                    out.add(new Ticket(
                            pr.passId(),
                            pr.passText(),
                            item.unitId(),
                            unitName.apply(item.unitId()),
                            holders.get(item.uuid()),
                            productName,
                            slotStart));
                }
            }
            return out;
        }
    }

    /** What the receipt prints besides the tickets (the invoice engineer's invoice link). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String invoiceUrl) {}
}
