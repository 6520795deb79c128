package io.scenicpass.server.visitors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/** What happens on a visit, for features that act on it (for example coupons issued at the exit). */
public interface VisitEvents {
    /** Calls the listener after a visitor's exit is recorded (once per exit event, after the hub's commit). */
    void onVisitEnded(Consumer<VisitEnded> listener);

    /** A visitor left the park: the pass and booking used, the park day, and when. */
    record VisitEnded(long visitorId, String passId, String bookingUuid, LocalDate day, Instant exitAt) {}
}
