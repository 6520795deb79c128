package io.scenicpass.server.offers;

import io.scenicpass.server.visitors.Segments;
import io.scenicpass.server.visitors.VisitEvents;
import io.scenicpass.server.visitors.VisitorDirectory;
import io.scenicpass.server.visitors.VisitorHint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A stand-in for the visitor data hub in the offers' tests: visitors known by email, their segments and consent, and
 * exits fired by the test ({@link #exit}), delivered like the hub does (after its commit, on the caller's thread).
 */
final class TestHub implements VisitorDirectory, Segments, VisitEvents {
    private final Map<String, Long> byEmail = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> segments = new ConcurrentHashMap<>();
    private final Set<Long> consent = ConcurrentHashMap.newKeySet();
    private final List<Consumer<VisitEnded>> listeners = new CopyOnWriteArrayList<>();

    TestHub visitor(long id, String email, boolean marketingConsent, String... segmentCodes) {
        byEmail.put(email.toLowerCase(), id);
        segments.put(id, Set.of(segmentCodes));
        if (marketingConsent) {
            consent.add(id);
        }
        return this;
    }

    Hub hub() {
        return new Hub(this, this, this);
    }

    void exit(VisitEnded v) {
        listeners.forEach(l -> l.accept(v));
    }

    @Override
    public Optional<Long> find(VisitorHint hint) {
        return hint.email() == null
                ? Optional.empty()
                : Optional.ofNullable(byEmail.get(hint.email().toLowerCase()));
    }

    @Override
    public Optional<Long> ofBooking(String bookingUuid) {
        return Optional.empty();
    }

    @Override
    public boolean marketingConsent(long visitorId) {
        return consent.contains(visitorId);
    }

    @Override
    public Set<String> tagsOf(long visitorId) {
        return Set.of();
    }

    @Override
    public boolean contains(String segmentCode, long visitorId) {
        return segments.getOrDefault(visitorId, Set.of()).contains(segmentCode);
    }

    @Override
    public void onVisitEnded(Consumer<VisitEnded> listener) {
        listeners.add(listener);
    }
}
