package io.scenicpass.terminal;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.gate.RecentAdmits;
import io.scenicpass.terminal.journal.Journal;
import io.scenicpass.terminal.journal.JournalException;
import io.scenicpass.terminal.journal.JournalRecord;
import io.scenicpass.terminal.state.EntryLedger;
import io.scenicpass.terminal.state.GateState;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's entry events in its journal: appending (and feeding the ledger), replay on start, and the
 * upload queue by record id or event id. Callers hold the gate's checkpoint lock as {@link Gate} documents.
 */
final class GateEvents {
    private static final Logger LOG = LoggerFactory.getLogger(GateEvents.class);

    private final Journal journal;
    private final GateState state;
    private final RecentAdmits recentAdmits;
    private final int recentCapacity;
    private final Map<String, Long> pendingIndex = new ConcurrentHashMap<>();
    private final List<Consumer<EntryEvent>> usageListeners = new CopyOnWriteArrayList<>();

    GateEvents(Journal journal, GateState state, int recentCapacity) {
        this.journal = journal;
        this.state = state;
        this.recentCapacity = recentCapacity;
        this.recentAdmits = new RecentAdmits(recentCapacity);
    }

    /**
     * Rebuilds what the journal knows beyond the ledger checkpoint: usage of records after it, the pending
     * index, and the recent admissions from the last {@code recentCapacity} records (bounded work).
     *
     * @return the number of records applied to the ledger
     */
    int replay() {
        int[] replayed = {0};
        long checkpoint = state.ledger().appliedThrough();
        ArrayDeque<JournalRecord> tail = new ArrayDeque<>();
        journal.forEach(rec -> {
            if (tail.size() == recentCapacity) {
                tail.removeFirst();
            }
            tail.addLast(rec);
            if (rec.uploaded() && rec.id() <= checkpoint) {
                return; // already in the ledger checkpoint, and not waiting for upload
            }
            EntryEvent e = parse(rec);
            if (e != null) {
                state.ledger().apply(rec.id(), e);
                if (!rec.uploaded()) {
                    pendingIndex.put(e.eventId(), rec.id());
                }
                replayed[0]++;
            }
        });
        for (JournalRecord rec : tail) {
            EntryEvent e = parseQuietly(rec);
            if (e != null) {
                recentAdmits.replay(e);
            }
        }
        return replayed[0];
    }

    /** @return the admissions a lane may still report as not passed */
    RecentAdmits recentAdmits() {
        return recentAdmits;
    }

    /** Journals an event durably, applies it to the ledger and queues it for upload. @return record id */
    long append(EntryEvent event) {
        return append(event, true);
    }

    /** As {@link #append(EntryEvent)}; when not {@code durable}, durable only after the journal's next flush. */
    private long append(EntryEvent event, boolean durable) {
        byte[] payload;
        try {
            payload = WireJson.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "cannot serialise event", e);
        }
        long id = durable ? journal.append(payload) : journal.appendDeferred(payload);
        state.ledger().apply(id, event);
        pendingIndex.put(event.eventId(), id);
        if (EntryLedger.countsTowardUsage(event)) {
            for (Consumer<EntryEvent> l : usageListeners) {
                try {
                    l.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("usage listener failed: {}", e.toString());
                }
            }
        }
        return id;
    }

    /**
     * Journals a peer gate's event unless it is already here (counted in the ledger or waiting for upload),
     * so it counts once and is uploaded by whichever gate reaches the server (the server dedupes by id).
     * The caller serialises this with decisions about the same pass, and flushes the journal before telling the
     * peer it has the event (one fsync per batch).
     *
     * @return whether it was new
     */
    boolean appendPeer(EntryEvent event) {
        if (!EntryLedger.countsTowardUsage(event)
                || state.ledger().knows(event)
                || pendingIndex.containsKey(event.eventId())) {
            return false;
        }
        append(event, false);
        return true;
    }

    /** @param listener told of each journaled event that counts toward usage */
    void addUsageListener(Consumer<EntryEvent> listener) {
        usageListeners.add(listener);
    }

    List<PendingEvent> pending(int max) {
        List<PendingEvent> out = new ArrayList<>();
        for (JournalRecord r : journal.pending(max)) {
            EntryEvent e = parse(r);
            if (e != null) {
                out.add(new PendingEvent(r.id(), e));
            }
        }
        return out;
    }

    /** Marks records uploaded; {@code checkpoint} runs before journal segments are compacted. */
    void markUploaded(Collection<Long> recordIds, Runnable checkpoint) {
        journal.markUploaded(recordIds, checkpoint);
        Set<Long> done = new HashSet<>(recordIds);
        pendingIndex.values().removeIf(done::contains);
    }

    /** @return record ids of those event ids still waiting for upload */
    List<Long> recordIdsOf(Collection<String> eventIds) {
        List<Long> records = new ArrayList<>();
        for (String id : eventIds) {
            Long r = pendingIndex.get(id);
            if (r != null) {
                records.add(r);
            }
        }
        return records;
    }

    private static EntryEvent parse(JournalRecord r) {
        EntryEvent e = parseQuietly(r);
        if (e == null) {
            LOG.error("journal record {} is not an entry event; skipped", r.id());
        }
        return e;
    }

    private static EntryEvent parseQuietly(JournalRecord r) {
        try {
            return WireJson.mapper().readValue(r.payload(), EntryEvent.class);
        } catch (IOException e) {
            return null;
        }
    }
}
