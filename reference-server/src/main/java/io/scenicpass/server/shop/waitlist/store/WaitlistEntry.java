package io.scenicpass.server.shop.waitlist.store;

import java.time.Instant;

/**
 * One party on a slot's waiting list. {@code party}: the units asked for as stored ("unitId=count" lines, see
 * {@link io.scenicpass.server.shop.waitlist.Party}); {@code offers}: how many offers it had (the last one's hold is
 * {@code bookingUuid}, held until {@code offerExpiresAt}).
 */
public record WaitlistEntry(
        long id,
        String slotId,
        long visitorId,
        String party,
        int quantity,
        Status status,
        int offers,
        String bookingUuid,
        Instant offerExpiresAt,
        Instant slotEndAt,
        Instant createdAt,
        Instant updatedAt) {

    /** Where an entry is: waiting in line, holding an offer, or done (accepted, declined, expired, left). */
    public enum Status {
        WAITING,
        OFFERED,
        ACCEPTED,
        DECLINED,
        EXPIRED,
        LEFT;

        /** Still on the list (waiting or holding an offer). */
        public boolean active() {
            return this == WAITING || this == OFFERED;
        }
    }
}
