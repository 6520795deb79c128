package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.terminal.state.EntryLedger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last admissions of this gate, by event id, so a lane can report "admitted, not passed". Bounded:
 * the oldest admission is forgotten first. Rebuilt from the journal's tail on start ({@link #replay}).
 */
public final class RecentAdmits {
    private final Map<String, EntryEvent> byEvent;

    /** @param capacity how many admissions to remember */
    public RecentAdmits(int capacity) {
        this.byEvent = new LinkedHashMap<String, EntryEvent>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EntryEvent> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @param event an admitting event */
    public synchronized void add(EntryEvent event) {
        byEvent.put(event.eventId(), event);
    }

    /** @param eventId an event id @return the admitting event, removed, or null */
    public synchronized EntryEvent take(String eventId) {
        return byEvent.remove(eventId);
    }

    /**
     * Replays one journaled event, oldest first: an admission is remembered; a {@code NOT_PASSED} event
     * forgets the latest remembered admission of the same pass at the same gate (the one it gave back — a
     * not-passed report follows its admission within the lane's passage timeout).
     *
     * @param event a journaled event
     */
    public synchronized void replay(EntryEvent event) {
        if (event.verdict() == Verdict.ADMIT) {
            byEvent.put(event.eventId(), event);
        } else if (EntryLedger.NOT_PASSED.equals(event.reason()) && event.passId() != null) {
            String latest = null;
            for (EntryEvent e : byEvent.values()) {
                if (event.passId().equals(e.passId()) && Objects.equals(event.gateId(), e.gateId())) {
                    latest = e.eventId();
                }
            }
            if (latest != null) {
                byEvent.remove(latest);
            }
        }
    }

    /** @return how many admissions are remembered */
    public synchronized int size() {
        return byEvent.size();
    }
}
