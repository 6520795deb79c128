package io.scenicpass.terminal.sync;

import io.scenicpass.core.EntryEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The journal's role for these tests: survives "restarts" because tests keep the instance. */
final class MemoryOutbox implements EntryOutbox {
    private final Map<String, EntryEvent> pending = new LinkedHashMap<>();
    private final List<String> uploaded = new ArrayList<>();

    synchronized void add(EntryEvent e) {
        pending.put(e.eventId(), e);
    }

    @Override
    public synchronized List<EntryEvent> pending(int max) {
        List<EntryEvent> out = new ArrayList<>();
        for (EntryEvent e : pending.values()) {
            if (out.size() == max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    @Override
    public synchronized void markUploaded(Collection<String> eventIds) {
        for (String id : eventIds) {
            if (pending.remove(id) != null) {
                uploaded.add(id);
            }
        }
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized List<String> uploaded() {
        return new ArrayList<>(uploaded);
    }
}
