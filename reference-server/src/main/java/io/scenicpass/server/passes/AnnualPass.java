package io.scenicpass.server.passes;

import java.time.Instant;

/**
 * An annual pass as sold and kept: its stable {@code id} (the first signed pass's id) and the signed pass that stands
 * for it now ({@code passId}). The holder is a holder binding (keyed hash) and a masked name/number for display.
 *
 * @param state SOLD (not activated), ACTIVE, FROZEN, REFUNDED
 * @param price what the visitor paid (minor units), the base of a pro-rata refund
 */
public record AnnualPass(
        String id,
        String passId,
        String bookingUuid,
        String productId,
        String state,
        long price,
        String currency,
        Instant purchasedAt,
        Instant activateBy,
        Instant activatedAt,
        Instant validFrom,
        Instant validUntil,
        String holderBinding,
        String holderMasked,
        String enrolmentSource,
        String enrolmentRef,
        String freezeReason,
        String appeal,
        Long refunded) {
    public static final String SOLD = "SOLD";
    public static final String ACTIVE = "ACTIVE";
    public static final String FROZEN = "FROZEN";
    public static final String REFUNDED = "REFUNDED";
}
