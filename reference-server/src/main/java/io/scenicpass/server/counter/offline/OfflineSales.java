package io.scenicpass.server.counter.offline;

import io.scenicpass.server.identity.IdentityInput;
import java.time.Instant;
import java.util.List;

/** The wire shapes of {@code POST /terminal/v1/counter/offline-sales}: a device's batch and the result per sale. */
public final class OfflineSales {
    private OfflineSales() {}

    /** Most sales in one batch. */
    public static final int MAX_BATCH = 200;

    /** What the device sends: the sales it made offline and has not synced yet, oldest first. */
    public record Batch(List<Sale> sales) {}

    /** One offline sale: the device's UUID, where its places came from, the passes it printed, how it was paid. */
    public record Sale(
            String saleId,
            String slotId,
            String productId,
            List<Item> items,
            Long amountFen,
            String method,
            Instant soldAt,
            String shiftId) {}

    /** One visitor of a sale: the unit, the pass the device signed for it, optionally the visitor's document. */
    public record Item(String unitId, String passId, String passText, IdentityInput identity) {}

    /** How one sale was taken: SYNCED now, ALREADY_SYNCED (a retry), or REFUSED with a code (never retried). */
    public record Result(String saleId, Status status, String code, String message, String bookingId) {
        static Result synced(String saleId, String bookingId, boolean before) {
            return new Result(saleId, before ? Status.ALREADY_SYNCED : Status.SYNCED, null, null, bookingId);
        }

        static Result refused(String saleId, Refusal code, String message) {
            return new Result(saleId, Status.REFUSED, code.name(), message, null);
        }
    }

    public enum Status {
        SYNCED,
        ALREADY_SYNCED,
        REFUSED
    }

    /** Why a sale was refused (an honest device meets none of them but the identity checks). */
    public enum Refusal {
        /** Beyond what the device's allotment on the slot has left. */
        ALLOTMENT_EXHAUSTED,
        /** Malformed: missing fields, unknown slot, product or unit, a method other than CASH or CODE. */
        INVALID_SALE,
        /** A pass that does not decode or whose claims do not match the sale. */
        INVALID_PASS,
        /** The sale id or a pass id is already another sale's. */
        ID_TAKEN,
        /** A visitor's document was refused (malformed, blacklisted, over its limit). */
        IDENTITY_REFUSED
    }

    /** The answer: one result per sale, in the batch's order. */
    public record Results(List<Result> results) {}
}
