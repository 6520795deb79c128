package io.scenicpass.server.offers;

import io.scenicpass.server.visitors.Segments;
import io.scenicpass.server.visitors.VisitEvents;
import io.scenicpass.server.visitors.VisitorDirectory;
import java.util.Optional;
import java.util.Set;

/** The visitor data hub as offers use it: who a buyer is, their segments, their consent, their exits. */
public record Hub(VisitorDirectory directory, Segments segments, VisitEvents events) {
    /** No hub: nobody is known (no segment offers, no per-visitor limits, no coupons). */
    public static final Hub NONE = new Hub(
            new VisitorDirectory() {
                public Optional<Long> find(io.scenicpass.server.visitors.VisitorHint hint) {
                    return Optional.empty();
                }

                public Optional<Long> ofBooking(String bookingUuid) {
                    return Optional.empty();
                }

                public boolean marketingConsent(long visitorId) {
                    return false;
                }
            },
            new Segments() {
                public Set<String> tagsOf(long visitorId) {
                    return Set.of();
                }

                public boolean contains(String segmentCode, long visitorId) {
                    return false;
                }
            },
            listener -> {});
}
