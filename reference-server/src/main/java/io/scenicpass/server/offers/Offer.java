package io.scenicpass.server.offers;

import java.time.LocalDate;
import java.util.List;

/**
 * An offer as stored: a promo code ({@code code}) or an automatic offer (code null: for {@code segment}, or for orders
 * holding every unit type of {@code combination}); {@code kind} PERCENT ({@code amount} 1-100) or AMOUNT ({@code amount}
 * fen off each unit item it fits); fits unit items of {@code productId} and {@code unitType} (null: any); visit days
 * {@code validFrom}..{@code validTo} (null: open); limits per visitor and in total (null: none). With a
 * {@code couponTrigger} (EXIT, NEXT_MORNING) it is a coupon campaign: its codes are the coupons issued after visits,
 * valid {@code couponDays} days.
 */
public record Offer(
        String id,
        String code,
        String title,
        Kind kind,
        long amount,
        String productId,
        String unitType,
        String segment,
        List<String> combination,
        LocalDate validFrom,
        LocalDate validTo,
        Integer perVisitorLimit,
        Integer totalLimit,
        Trigger couponTrigger,
        Integer couponDays,
        Status status,
        long createdAt,
        long updatedAt) {

    public enum Kind {
        PERCENT,
        AMOUNT
    }

    /** When a coupon campaign issues its coupons: at the visitor's exit, or the next morning. */
    public enum Trigger {
        EXIT,
        NEXT_MORNING
    }

    public enum Status {
        ACTIVE,
        PAUSED
    }

    public Offer {
        combination = combination == null ? List.of() : List.copyOf(combination);
    }

    public boolean campaign() {
        return couponTrigger != null;
    }

    public boolean automatic() {
        return code == null && couponTrigger == null;
    }

    /** This offer with another status, changed at {@code now}. */
    public Offer withStatus(Status s, long now) {
        return new Offer(
                id,
                code,
                title,
                kind,
                amount,
                productId,
                unitType,
                segment,
                combination,
                validFrom,
                validTo,
                perVisitorLimit,
                totalLimit,
                couponTrigger,
                couponDays,
                s,
                createdAt,
                now);
    }
}
