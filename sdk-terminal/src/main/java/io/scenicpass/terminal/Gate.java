package io.scenicpass.terminal;

import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Ids;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.gate.Credentials;
import io.scenicpass.terminal.internal.gate.Messages;
import io.scenicpass.terminal.internal.gate.RecentAdmits;
import io.scenicpass.terminal.internal.gate.RuleChain;
import io.scenicpass.terminal.journal.Journal;
import io.scenicpass.terminal.journal.JournalConfig;
import io.scenicpass.terminal.journal.JournalException;
import io.scenicpass.terminal.journal.JournalRecord;
import io.scenicpass.terminal.rules.GateRule;
import io.scenicpass.terminal.rules.PassCheck;
import io.scenicpass.terminal.state.GateState;
import io.scenicpass.terminal.state.OveruseNotice;
import io.scenicpass.terminal.state.PassUsage;
import io.scenicpass.terminal.time.GateClock;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * journal writes share fsyncs). The sync client feeds it through {@link #state()}, {@link #clock()},
 * {@link #pendingEvents(int)}, {@link #markUploaded(Collection)} and {@link #recordOveruse}.
 */
public final class Gate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final int STRIPES = 64;
    private static final int RECENT_ADMITS = 4096;

    private final GateState state;
    private final Journal journal;
    private final GateClock clock;
    private final Ids ids;
    private final RuleChain chain;
    private final String deviceId;
    private final String gateId;
    private final String defaultZone;
    private final byte[] bindingKey;
    private final Duration early;
    private final Duration late;
    private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock();
    private final Object[] stripes = new Object[STRIPES];
    private final RecentAdmits recentAdmits = new RecentAdmits(RECENT_ADMITS);
    private final List<OveruseListener> overuseListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> pendingIndex = new ConcurrentHashMap<>();
    private final java.util.function.Predicate<io.scenicpass.core.Claims> onlinePreferred;
    private final OnlineCheck onlineCheck;
    private final GateOutbox outbox = new GateOutbox(this);
    private volatile boolean online;

    Gate(GateBuilder b) {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
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
                    .fsyncPolicy(b.fsyncPolicy).budgetBytes(b.journalBudgetBytes)
                    .segmentBytes(b.journalSegmentBytes).build());
        } catch (RuntimeException e) {
            state.close();
            throw e;
        }
        int[] replayed = {0};
        long checkpoint = state.ledger().appliedThrough();
        journal.forEach(rec -> {
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
        this.clock = b.correctClock ? new GateClock(b.clock, b.monotonic, state, b.clockJumpThreshold)
                : GateClock.uncorrected(b.clock);
        this.ids = new Ids(clock.asClock(), b.random != null ? b.random : new SecureRandom());
        this.chain = new RuleChain(b.rules);
        this.deviceId = b.deviceId;
        this.gateId = b.gateId;
        this.defaultZone = b.defaultZone;
        this.bindingKey = b.holderBindingKey;
        this.early = b.earlyTolerance;
        this.onlinePreferred = b.onlinePreferred;
        this.onlineCheck = b.onlineCheck;
        this.late = b.lateTolerance;
        LOG.info("gate ready: {} journal records replayed, {} pending upload, rules {}", replayed[0],
                journal.pendingCount(), ruleNames());
    }

    /** @return a builder */
    public static GateBuilder builder() {
        return new GateBuilder();
    }

    /**
     * Decides on a credential and journals the decision before returning it. Never throws for bad input:
     * an unreadable credential is a DENY with reason MALFORMED.
     *
     * @param credential what was presented
     * @param context where and how
     * @return the journaled decision
     */
    public Decision decide(Credential credential, GateContext context) {
        Instant[] times = clock.readBoth();
        Instant now = context.time().orElse(times[1]);
        DeviceConfig cfg = state.config().orElse(null);
        String gate = context.gateId().orElse(cfg != null && cfg.gateId() != null ? cfg.gateId() : gateId);
        String zone = context.zoneId().orElse(cfg != null && cfg.zones() != null && !cfg.zones().isEmpty()
                ? cfg.zones().get(0) : defaultZone);
        Situation s = new Situation(credential, context, gate, zone, times[0], now, cfg, ids.eventId());
        byte[] presented = Credentials.presentedBinding(credential, context, Credentials.bindingKey(cfg, bindingKey));
        Pass pass = null;
        ScenicPassException unreadable = null;
        if (credential.isPass()) {
            try {
                pass = Credentials.decodePass(credential);
            } catch (ScenicPassException e) {
                unreadable = e;
            }
        }
        OnlineCheckResponse online = pass == null ? null : askOnline(s, pass, presented);
        checkpointLock.readLock().lock();
        try {
            if (cfg != null && cfg.direction() != null && !"BOTH".equalsIgnoreCase(cfg.direction())
                    && !cfg.direction().equalsIgnoreCase(context.direction().name())) {
                return record(s, null, Reason.WRONG_DIRECTION, null);
            }
            if (unreadable != null) {
                return record(s, null, unreadable.code().name(), null);
            }
            if (pass != null) {
                synchronized (stripe(pass.claims().passId())) {
                    RuleChain.Outcome o = chain.run(check(s, pass, presented));
                    if (o.admitted() && online != null && online.verdict() == Verdict.DENY) {
                        String reason = online.reason() == null || online.reason().isEmpty() ? Reason.RULE_DENIED
                                : online.reason();
                        return record(s, pass, reason, "online");
                    }
                    return record(s, pass, o.reason, o.rule);
                }
            }
            return decideByPerson(s, presented);
        } catch (RuntimeException e) {
            // a bug must not take the lane down: deny (journaled if at all possible) and keep going
            LOG.error("unexpected error while deciding; denying", e);
            try {
                return record(s, null, Reason.INTERNAL_ERROR, null);
            } catch (RuntimeException again) {
                String[] m = Messages.forReason(Reason.INTERNAL_ERROR, cfg);
                return new Decision(Verdict.DENY, Reason.INTERNAL_ERROR, null, m[0], m[1], 0, null, s.eventId, -1,
                        s.deviceTime, s.now, context.direction(), credential.type(), gate, zone);
            }
        } finally {
            checkpointLock.readLock().unlock();
        }
    }

    private Decision decideByPerson(Situation s, byte[] presented) {
        List<ManifestEntry> entries = Credentials.lookUp(s.credential, presented, state.manifest());
        Pass bestPass = null;
        RuleChain.Outcome best = null;
        for (ManifestEntry e : entries) {
            Pass pass;
            try {
                pass = PassCodec.decode(e.passText());
            } catch (ScenicPassException ex) {
                LOG.warn("manifest entry {} holds an unreadable pass ({})", e.passId(), ex.code());
                continue;
            }
            synchronized (stripe(pass.claims().passId())) {
                RuleChain.Outcome o = chain.run(check(s, pass, presented));
                if (o.admitted()) {
                    return record(s, pass, o.reason, null);
                }
                if (best == null || o.depth > best.depth) {
                    best = o;
                    bestPass = pass;
                }
            }
        }
        if (best == null) {
            return record(s, null, Reason.NOT_FOUND, null);
        }
        return record(s, bestPass, best.reason, best.rule);
    }

    /** Asks the server about an "online preferred" pass the offline rules would admit; null = no answer. */
    private OnlineCheckResponse askOnline(Situation s, Pass pass, byte[] presented) {
        if (onlineCheck == null || s.context.direction() != Direction.IN || !onlinePreferred.test(pass.claims())) {
            return null;
        }
        if (!chain.run(check(s, pass, presented)).admitted()) {
            return null; // an offline deny stands; no need to ask
        }
        try {
            return onlineCheck.check(new OnlineCheckRequest(s.eventId, pass.text(), s.gate, s.zone,
                    s.context.direction())).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("online check failed; using the offline decision: {}", e.toString());
            return null;
        }
    }

    private PassCheck check(Situation s, Pass pass, byte[] presented) {
        Duration e = s.config != null ? Duration.ofSeconds(s.config.earlyToleranceSeconds()) : early;
        Duration l = s.config != null ? Duration.ofSeconds(s.config.lateToleranceSeconds()) : late;
        int party = s.context.partyCount().orElse(Math.max(1, pass.claims().partySize()));
        PassUsage usage = state.ledger().usage(pass.claims().passId());
        return new PassCheck(pass, s.credential, s.context, s.zone, s.now, usage, state, e, l, party, presented);
    }

    private Decision record(Situation s, Pass pass, String reason, String rule) {
        boolean admit = Reason.OK.equals(reason);
        int party = !admit ? 0 : s.context.partyCount().orElse(Math.max(1, pass.claims().partySize()));
        EntryEvent event = EntryEvent.builder().eventId(s.eventId)
                .passId(pass == null ? null : pass.claims().passId()).gateId(s.gate).deviceId(deviceId)
                .zoneId(s.zone).direction(s.context.direction()).credentialType(s.credential.type())
                .verdict(admit ? Verdict.ADMIT : Verdict.DENY).reason(reason).deviceTime(s.deviceTime)
                .correctedTime(s.now).offline(!online).partyCount(party).build();
        long recordId;
        try {
            recordId = append(event);
        } catch (JournalException e) {
            LOG.error("cannot journal a decision ({}); keeping the gate closed", e.code());
            String[] m = Messages.forReason(Reason.JOURNAL_UNAVAILABLE, s.config);
            return new Decision(Verdict.DENY, Reason.JOURNAL_UNAVAILABLE, null, m[0], m[1], 0,
                    pass == null ? null : new PassSummary(pass.claims(), state.ledger().usage(pass.claims().passId())
                            .entries()), event.eventId(), -1, s.deviceTime, s.now, s.context.direction(),
                    s.credential.type(), s.gate, s.zone);
        }
        if (admit) {
            recentAdmits.add(event);
            Duration l = s.config != null ? Duration.ofSeconds(s.config.lateToleranceSeconds()) : late;
            state.ledger().retainUntil(pass.claims().passId(), pass.claims().validUntil().plus(l));
        }
        String[] m = Messages.forReason(reason, s.config);
        PassSummary summary = pass == null ? null
                : new PassSummary(pass.claims(), state.ledger().usage(pass.claims().passId()).entries());
        return new Decision(admit ? Verdict.ADMIT : Verdict.DENY, reason, rule, m[0], m[1], party, summary,
                event.eventId(), recordId, s.deviceTime, s.now, s.context.direction(), s.credential.type(), s.gate,
                s.zone);
    }

    private long append(EntryEvent event) {
        byte[] payload;
        try {
            payload = WireJson.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new JournalException("JOURNAL_IO", "cannot serialise event", e);
        }
        long id = journal.append(payload);
        state.ledger().apply(id, event);
        pendingIndex.put(event.eventId(), id);
        return id;
    }

    /**
     * Records that an admitted visitor did not pass (the lane's passage timeout expired with nobody
     * through): the entry is given back to the pass and a {@link Reason#NOT_PASSED} event is journaled.
     *
     * @param eventId the event id of the admitting decision
     * @return false when the event is unknown (not a recent admit of this gate run) or already given back
     */
    public boolean notPassed(String eventId) {
        EntryEvent admitted = recentAdmits.take(eventId);
        if (admitted == null) {
            return false;
        }
        Instant[] times = clock.readBoth();
        EntryEvent undo = admitted.toBuilder().eventId(ids.eventId()).verdict(Verdict.DENY).reason(Reason.NOT_PASSED)
                .deviceTime(times[0]).correctedTime(times[1]).offline(!online).build();
        checkpointLock.readLock().lock();
        try {
            synchronized (stripe(admitted.passId())) {
                append(undo);
            }
            return true;
        } catch (JournalException e) {
            LOG.error("cannot journal a not-passed event ({})", e.code());
            return false;
        } finally {
            checkpointLock.readLock().unlock();
        }
    }

    /**
     * @param max the most to return
     * @return journaled events not yet acknowledged by the server, oldest first
     */
    public List<PendingEvent> pendingEvents(int max) {
        List<PendingEvent> out = new ArrayList<>();
        for (JournalRecord r : journal.pending(max)) {
            EntryEvent e = parse(r);
            if (e != null) {
                out.add(new PendingEvent(r.id(), e));
            }
        }
        return out;
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
            journal.markUploaded(recordIds, () -> {
                // usage of passes that ended more than a day ago (by the corrected clock) is no longer needed
                state.ledger().prune(clock.now().minus(Duration.ofDays(1)));
                state.checkpointLedger();
            });
        } finally {
            checkpointLock.writeLock().unlock();
        }
        java.util.Set<Long> done = new java.util.HashSet<>(recordIds);
        pendingIndex.values().removeIf(done::contains);
    }

    /**
     * Marks events as acknowledged by the server, by event id (see {@link #markUploaded(Collection)}).
     *
     * @param eventIds event ids the server acknowledged; unknown ids are ignored
     */
    public void markUploadedEvents(Collection<String> eventIds) {
        List<Long> records = new ArrayList<>();
        for (String id : eventIds) {
            Long r = pendingIndex.get(id);
            if (r != null) {
                records.add(r);
            }
        }
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
        this.online = isOnline;
    }

    /** @return whether the gate was last told it is online */
    public boolean isOnline() {
        return online;
    }

    /** @return the local state the sync client feeds */
    public GateState state() {
        return state;
    }

    /** @return the corrected clock (the sync client calls {@code observeServerTime}) */
    public GateClock clock() {
        return clock;
    }

    /** @return the journal */
    public Journal journal() {
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
        checkpointLock.writeLock().lock();
        try {
            state.ledger().prune(clock.now().minus(Duration.ofDays(1)));
            state.checkpointLedger();
        } catch (RuntimeException e) {
            LOG.warn("cannot checkpoint ledger on close: {}", e.toString());
        } finally {
            checkpointLock.writeLock().unlock();
        }
        journal.close();
        state.close();
    }

    private Object stripe(String passId) {
        return stripes[(passId == null ? 0 : passId.hashCode() & 0x7fffffff) % STRIPES];
    }

    private static EntryEvent parse(JournalRecord r) {
        try {
            return WireJson.mapper().readValue(r.payload(), EntryEvent.class);
        } catch (IOException e) {
            LOG.error("journal record {} is not an entry event; skipped", r.id());
            return null;
        }
    }

    private static final class Situation {
        final Credential credential;
        final GateContext context;
        final String gate;
        final String zone;
        final Instant deviceTime;
        final Instant now;
        final DeviceConfig config;
        final String eventId;

        Situation(Credential credential, GateContext context, String gate, String zone, Instant deviceTime,
                Instant now, DeviceConfig config, String eventId) {
            this.eventId = eventId;
            this.credential = credential;
            this.context = context;
            this.gate = gate;
            this.zone = zone;
            this.deviceTime = deviceTime;
            this.now = now;
            this.config = config;
        }
    }
}
