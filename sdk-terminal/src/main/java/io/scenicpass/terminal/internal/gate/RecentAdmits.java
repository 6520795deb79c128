package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.EntryEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last admissions of this gate run, by event id, so a lane can report "admitted, not passed". */
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
}
