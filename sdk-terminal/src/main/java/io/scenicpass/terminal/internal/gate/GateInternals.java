package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.terminal.Gate;
import io.scenicpass.terminal.journal.Journal;
import io.scenicpass.terminal.state.GateState;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The writable parts of a {@link Gate} that its public API hands out only as read-only views: the sync client
 * feeds the {@link GateState} through this, and tests set up state with it. Not API.
 */
public final class GateInternals {
    /** What {@link Gate} installs when its class is initialised. */
    public interface Access {
        /** @param gate a gate @return its writable state */
        GateState state(Gate gate);

        /** @param gate a gate @return its journal */
        Journal journal(Gate gate);

        /**
         * Journals an entry event another gate of the site decided (the peer exchange), once per event id; durable
         * once the journal is flushed (the caller flushes before acknowledging a batch).
         *
         * @param gate a gate
         * @param event the peer's event
         * @return whether it was new here (journaled, counted, queued for upload)
         */
        boolean acceptPeerEvent(Gate gate, EntryEvent event);

        /**
         * @param gate a gate
         * @param listener told, after journaling, of every event that counts toward usage (own or peer)
         */
        void addUsageListener(Gate gate, Consumer<EntryEvent> listener);
    }

    private static volatile Access access;

    private GateInternals() {}

    /** Called once, by {@link Gate}'s static initialiser. */
    public static synchronized void install(Access a) {
        if (access != null) {
            throw new IllegalStateException("already installed");
        }
        access = Objects.requireNonNull(a);
    }

    /** @param gate a gate @return its writable state */
    public static GateState state(Gate gate) {
        return access.state(Objects.requireNonNull(gate, "gate"));
    }

    /** @param gate a gate @return its journal */
    public static Journal journal(Gate gate) {
        return access.journal(Objects.requireNonNull(gate, "gate"));
    }

    /** See {@link Access#acceptPeerEvent}. */
    public static boolean acceptPeerEvent(Gate gate, EntryEvent event) {
        return access.acceptPeerEvent(Objects.requireNonNull(gate, "gate"), Objects.requireNonNull(event, "event"));
    }

    /** See {@link Access#addUsageListener}. */
    public static void addUsageListener(Gate gate, Consumer<EntryEvent> listener) {
        access.addUsageListener(Objects.requireNonNull(gate, "gate"), Objects.requireNonNull(listener, "listener"));
    }
}
