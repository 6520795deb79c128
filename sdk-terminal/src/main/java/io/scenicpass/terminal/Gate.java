package io.scenicpass.terminal;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Ids;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.terminal.internal.gate.GateInternals;
import io.scenicpass.terminal.internal.gate.OnlineAsker;
import io.scenicpass.terminal.internal.gate.RuleChain;
import io.scenicpass.terminal.journal.Journal;
import io.scenicpass.terminal.journal.JournalConfig;
import io.scenicpass.terminal.journal.JournalView;
import io.scenicpass.terminal.rules.GateRule;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.state.GateState;
import io.scenicpass.terminal.state.GateStateView;
import io.scenicpass.terminal.state.OveruseNotice;
import io.scenicpass.terminal.time.GateClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate engine a gate maker embeds: credential in, {@link Decision} out, decided locally from the
 * {@link GateState} (works offline), journaled durably before it is returned (open the gate after).
 *
 * <pre>{@code
 * Gate gate = Gate.builder().stateDirectory(dir).rootPublicKey(root).keySet(signedKeys).build();
 * Decision d = gate.decide(Credential.qr(scanned), GateContext.entry("main"));
 * if (d.admitted()) turnstile.open(d.partyCount());
 * }</pre>
 *
 * <p>Thread-safe: lanes may decide concurrently (decisions about the same pass are serialised, and their
 * journal writes share fsyncs). The sync client feeds it through {@link #clock()},
 * {@link #pendingEvents(int)}, {@link #markUploaded(Collection)}, {@link #recordOveruse} and its state;
 * {@link #state()} and {@link #journal()} hand out read-only views.
 */
public final class Gate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final int RECENT_ADMITS = 4096;

    private final GateState state;
    private final Journal journal;
    private final GateEvents events;
    private final GateClock clock;
    private final RuleChain chain;
    private final OnlineAsker onlineAsker;
    private final GateDecider decider;
    /** Decisions hold the read lock; a checkpoint (before compaction, on close) holds the write lock. */
    private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock();

    private final List<OveruseListener> overuseListeners = new CopyOnWriteArrayList<>();
    private final GateOutbox outbox = new GateOutbox(this);

    static {
        // the sync client (another package) writes to the state; the public API only hands out views
        GateInternals.install(new GateInternals.Access() {
            @Override
            public GateState state(Gate gate) {
                return gate.state;
            }

            @Override
            public Journal journal(Gate gate) {
                return gate.journal;
            }

            @Override
            public boolean acceptPeerEvent(Gate gate, EntryEvent event) {
                return gate.decider.acceptPeer(event);
            }

            @Override
            public void addUsageListener(Gate gate, java.util.function.Consumer<EntryEvent> listener) {
                gate.events.addUsageListener(listener);
            }
        });
    }

    Gate(GateBuilder b) {
        this.state = GateState.open(b.stateDirectory.resolve("state"), b.rootPublicKey);
        if (b.signedKeySet != null) {
            try {
                state.applyKeySet(b.signedKeySet);
            } catch (ScenicPassException e) {
                if (!"STALE_SEQUENCE".equals(e.code().name())) {
                    throw e;
                }
            }
        }
        if (b.trustedKeySet != null) {
            state.useTrustedKeySet(b.trustedKeySet);
        }
        if (b.config != null && (!state.config().isPresent() || state.configVersion() < b.config.version())) {
            state.applyConfig(b.config);
        }
        try {
            this.journal = Journal.open(JournalConfig.builder(b.stateDirectory.resolve("journal"))
                    .fsyncPolicy(b.fsyncPolicy)
                    .budgetBytes(b.journalBudgetBytes)
                    .segmentBytes(b.journalSegmentBytes)
                    .build());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        this.events = new GateEvents(journal, state, RECENT_ADMITS);
        int replayed = events.replay();
        this.clock = b.correctClock
                ? new GateClock(b.clock, b.monotonic, state, b.clockJumpThreshold)
                : GateClock.uncorrected(b.clock);
        Ids ids = new Ids(clock.asClock(), b.random != null ? b.random : new SecureRandom());
        this.chain = new RuleChain(b.rules);
        this.onlineAsker =
                b.onlineCheck == null ? null : new OnlineAsker(b.onlinePreferred, b.onlineCheck, b.onlineCheckTimeout);
        this.decider = new GateDecider(b, state, events, clock, ids, chain, onlineAsker, checkpointLock.readLock());
        LOG.info(
                "gate ready: {} journal records replayed, {} pending upload, {} recent admissions, rules {}",
                replayed,
                journal.pendingCount(),
                events.recentAdmits().size(),
                ruleNames());
    }

    /** @return a builder */
    public static GateBuilder builder() {
        return new GateBuilder();
    }

    /**
     * Decides on a credential and journals the decision before returning it. Never throws for bad input:
     * an unreadable credential is a DENY with reason MALFORMED. For a pass marked "online preferred" (see
     * {@link GateBuilder#onlineCheck(OnlineCheck)}) the server is asked first, under the same event id,
     * with a short timeout; without an answer the offline decision stands.
     *
     * @param credential what was presented
     * @param context where and how
     * @return the journaled decision
     */
    public Decision decide(Credential credential, GateContext context) {
        return decider.decide(credential, context);
    }

    /**
     * Records that an admitted visitor did not pass (the lane's passage timeout expired with nobody
     * through): the entry is given back to the pass and a {@link Reason#NOT_PASSED} event is journaled.
     * Works across a restart: the last admissions are rebuilt from the journal when the gate opens.
     *
     * @param eventId the event id of the admitting decision
     * @return false when the event is unknown (not one of this gate's last 4,096 admissions) or already
     *     given back
     */
    public boolean notPassed(String eventId) {
        return decider.notPassed(eventId);
    }

    /**
     * @param max the most to return
     * @return journaled events not yet acknowledged by the server, oldest first
     */
    public List<PendingEvent> pendingEvents(int max) {
        return events.pending(max);
    }

    /**
     * Marks events as acknowledged by the server (ACCEPTED, DUPLICATE, OVERUSE_CONFLICT or REJECTED: the
     * server has them). Durable when it returns; fully uploaded journal segments are compacted.
     *
     * @param recordIds {@link PendingEvent#recordId()} values
     */
    public void markUploaded(Collection<Long> recordIds) {
        // decisions wait meanwhile, so no record is appended between the checkpoint and the compaction
        checkpointLock.writeLock().lock();
        try {
            events.markUploaded(recordIds, this::checkpointLedger);
        } finally {
            checkpointLock.writeLock().unlock();
        }
    }

    /**
     * Marks events as acknowledged by the server, by event id (see {@link #markUploaded(Collection)}).
     *
     * @param eventIds event ids the server acknowledged; unknown ids are ignored
     */
    public void markUploadedEvents(Collection<String> eventIds) {
        List<Long> records = events.recordIdsOf(eventIds);
        if (!records.isEmpty()) {
            markUploaded(records);
        }
    }

    /** @return the upload queue in the shape the sync client wants (events and event ids) */
    public GateOutbox outbox() {
        return outbox;
    }

    /**
     * Records the server's report that an uploaded entry was over-use, and tells the listeners once.
     *
     * @param eventId the flagged event
     * @param passId its pass, may be null
     * @param message the server's message, may be null
     * @return false when this event was already reported
     */
    public boolean recordOveruse(String eventId, String passId, String message) {
        OveruseNotice n = new OveruseNotice(eventId, passId, message, clock.now());
        if (!state.recordOveruse(n)) {
            return false;
        }
        LOG.warn("server reported over-use for event {} (pass {})", eventId, passId);
        for (OveruseListener l : overuseListeners) {
            try {
                l.overuseReported(n);
            } catch (RuntimeException e) {
                LOG.warn("over-use listener failed: {}", e.toString());
            }
        }
        return true;
    }

    /** @param listener told about over-use reports */
    public void addOveruseListener(OveruseListener listener) {
        overuseListeners.add(listener);
    }

    /** @param isOnline whether the sync client currently reaches the server (journaled with each event) */
    public void setOnline(boolean isOnline) {
        decider.setOnline(isOnline);
    }

    /** @return whether the gate was last told it is online */
    public boolean isOnline() {
        return decider.isOnline();
    }

    /** @return what the online check did since the gate opened (all zero without one) */
    public OnlineCheckStats onlineCheckStats() {
        return onlineAsker == null ? new OnlineCheckStats(0, 0, 0) : onlineAsker.stats();
    }

    /** @return a read-only view of the local state the sync client feeds */
    public GateStateView state() {
        return state;
    }

    /** @return the corrected clock (the sync client calls {@code observeServerTime}) */
    public GateClock clock() {
        return clock;
    }

    /** @return a read-only view of the journal (pending uploads, disk state) */
    public JournalView journal() {
        return journal;
    }

    /** @return the names of the rules, in the order they run */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        for (GateRule r : chain.rules()) {
            out.add(r.name());
        }
        return out;
    }

    /** Checkpoints the ledger and closes the journal and state. */
    @Override
    public void close() {
        if (onlineAsker != null) {
            onlineAsker.close();
        }
        checkpointLock.writeLock().lock();
        try {
            checkpointLedger();
        } catch (RuntimeException e) {
            LOG.warn("cannot checkpoint ledger on close: {}", e.toString());
        } finally {
            checkpointLock.writeLock().unlock();
        }
        journal.close();
        state.close();
    }

    /** Prunes usage of passes that ended more than a day ago (corrected clock) and checkpoints the ledger. */
    private void checkpointLedger() {
        state.ledger().prune(clock.now().minus(Duration.ofDays(1)));
        state.checkpointLedger();
    }
}
