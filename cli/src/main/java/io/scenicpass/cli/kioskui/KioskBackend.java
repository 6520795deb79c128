package io.scenicpass.cli.kioskui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the touch UI needs of the kiosk: the counter API (through sdk-terminal's {@code Counter}), the document readers
 * and the ticket printer. Every call may throw {@link KioskError} (the server's code and message, or a device's).
 */
public interface KioskBackend {
    /** @return the park's time zone (the day of "today", slot times on screen) */
    ZoneId zone();

    /** @return the kiosk's date today in the park's zone */
    LocalDate today();

    /** @param date a day @return what is on sale that day, with live remaining places */
    Catalogue catalogue(LocalDate date);

    /** Books the order (same saleId again: the same sale, never a second booking). */
    SaleView sell(String saleId, String productId, String slotId, List<Item> items);

    /** @return the sale as the server has it now */
    SaleView sale(String saleId);

    /** Pays: NATIVE answers with the payment QR (codeUrl); CODE charges the scanned payment code. */
    SaleView pay(String saleId, PayMethod method, String paymentCode);

    /** Cancels an unpaid sale (its places go back). */
    SaleView cancel(String saleId);

    /** Prints a paid sale's tickets once; @return how many tickets came out */
    int print(String saleId);

    /** Pick-up (取票): the holder's bookings of today and the next days, found by the swiped document. */
    List<PickUpView> pickUps(Identity document);

    /** Pick-up: the bookings a typed booking code stands for (empty when none has it). */
    List<PickUpView> pickUps(String bookingCode);

    /**
     * Prints a pre-booked booking's tickets once (the server records the print; a second one is ALREADY_PRINTED).
     *
     * @param bookingCode the code it was found by (looked up again: the server decides what is printable now)
     * @param bookingId the booking among those the code stands for
     * @return the booking as the server has it after the print
     */
    PickUpView printPickUp(String bookingCode, String bookingId);

    /** Reads the document presented at the reader, or empty when none is there. */
    Optional<Identity> readDocument(DocumentReader reader);

    /** Annual pass activation: the pass held to the kiosk's QR scanner (its text), or empty when none is there. */
    Optional<String> scanPass();

    /**
     * Activates the annual pass {@code passText} for {@code holder} with the face the kiosk's camera captures now (its
     * liveness verdict included); NO_FACE when nobody looked at it, the server's code when refused. The same
     * {@code requestId} again answers the same activation.
     */
    Activation activateAnnualPass(String requestId, String passText, Identity holder);

    /** How the visitor pays. */
    enum PayMethod {
        NATIVE,
        CODE
    }

    /** Which reader the visitor uses. */
    enum DocumentReader {
        ID_CARD,
        MRZ
    }

    /** A day's products. */
    record Catalogue(LocalDate date, List<Product> products) {
        public Optional<Product> product(String id) {
            return products.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }

    /** A product, its units (ticket types with prices) and its slots. */
    record Product(String id, String name, boolean realName, List<Unit> units, List<Slot> slots) {
        public Optional<Unit> unit(String unitId) {
            return units.stream().filter(u -> u.id().equals(unitId)).findFirst();
        }

        public Optional<Slot> slot(String slotId) {
            return slots.stream().filter(s -> s.id().equals(slotId)).findFirst();
        }
    }

    /** A unit (adult, child, senior …) and its price in fen. */
    record Unit(String id, String type, String name, long priceFen) {}

    /** A time slot and the places left in it. */
    record Slot(String id, Instant start, Instant end, long remaining) {}

    /** One ticket of the order, with its holder's document when the product is real-name. */
    record Item(String unitId, Identity identity) {}

    /** A holder's document ({@code type}: CN_ID, PASSPORT, HK_MO_PERMIT, TW_PERMIT, FOREIGNER_PR). */
    record Identity(String type, String number, String name, LocalDate birthDate) {
        /** The number with all but its first and last characters hidden, for the screen. */
        public String masked() {
            if (number.length() <= 4) {
                return "*".repeat(number.length());
            }
            return number.charAt(0) + "*".repeat(number.length() - 2) + number.charAt(number.length() - 1);
        }
    }

    /**
     * A sale as the server reported it: state AWAITING_PAYMENT | PAID | DECLINED | CANCELLED | EXPIRED | REFUNDED;
     * payment null before the first pay; codeUrl the native payment's QR text.
     */
    record SaleView(
            String saleId,
            String state,
            String productId,
            String slotId,
            long amountFen,
            String currency,
            String bookingCode,
            Instant expiresAt,
            Payment payment,
            List<Ticket> tickets,
            List<Voucher> vouchers) {
        public boolean is(String s) {
            return state.equals(s);
        }
    }

    /** The sale's payment: method NATIVE | CODE | CASH, its state, the QR text for NATIVE. */
    record Payment(String id, String method, String state, String codeUrl) {}

    /**
     * A pre-booked booking found for pick-up: printable now, or the refusal's code (ALREADY_PRINTED,
     * BOOKING_CANCELLED, BOOKING_EXPIRED, BOOKING_NOT_CONFIRMED, VISIT_DAY_PASSED) and message.
     */
    record PickUpView(
            String bookingId,
            String bookingCode,
            String state,
            String productName,
            LocalDate visitDate,
            boolean printable,
            String refusalCode,
            String refusalMessage,
            List<Ticket> tickets) {}

    /** An activated annual pass: its new pass text (shown as a QR), validity (until: exclusive), holder masked. */
    record Activation(String passId, String passText, Instant validFrom, Instant validUntil, String holder) {}

    /** An issued ticket. */
    record Ticket(String passId, String unitName, String holder, String productName, Instant slotStart) {}

    /** A package's partner voucher, printed with the tickets: the partner's item, its day and places, the code. */
    record Voucher(String code, String item, java.time.LocalDate day, int places) {}
}
