package io.scenicpass.terminal;

import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Ids;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.OnlineCheckRequest;
import io.scenicpass.core.wire.OnlineCheckResponse;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.internal.gate.Credentials;
import io.scenicpass.terminal.internal.gate.FaceIndex;
import io.scenicpass.terminal.internal.gate.OnlineAsker;
import io.scenicpass.terminal.internal.gate.RuleChain;
import io.scenicpass.terminal.journal.JournalException;
import io.scenicpass.terminal.rules.BlacklistRule;
import io.scenicpass.terminal.rules.PassCheck;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.state.GateState;
import io.scenicpass.terminal.state.PassUsage;
import io.scenicpass.terminal.time.GateClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision pipeline behind {@link Gate#decide} and {@link Gate#notPassed}: credential → pass(es) →
 * optional online check → rule chain (serialised per pass) → journaled event → {@link Decision}.
 */
final class GateDecider {
    private static final Logger LOG = LoggerFactory.getLogger(GateDecider.class);
    private static final int STRIPES = 64;
    /** The "rule" name of face refusals (liveness, 1:1 mismatch, 1:N no match). */
    static final String FACE = "face";

    private final GateState state;
    private final GateEvents events;
    private final GateClock clock;
    private final Ids ids;
    private final RuleChain chain;
    private final FaceIndex faces;
    private final OnlineAsker onlineAsker;
    private final Lock decisionLock;
    private final String gateId;
    private final String defaultZone;
    private final byte[] bindingKey;
    private final Duration early;
    private final DecisionRecorder recorder;
    private final Object[] stripes = new Object[STRIPES];
    private volatile boolean online;

    GateDecider(
            GateBuilder b,
            GateState state,
            GateEvents events,
            GateClock clock,
            Ids ids,
            RuleChain chain,
            OnlineAsker onlineAsker,
            Lock decisionLock) {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.state = state;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
        this.chain = chain;
        this.faces = b.faces;
        this.onlineAsker = onlineAsker;
        this.decisionLock = decisionLock;
        this.gateId = b.gateId;
        this.defaultZone = b.defaultZone;
        this.bindingKey = b.holderBindingKey;
        this.early = b.earlyTolerance;
        this.recorder = new DecisionRecorder(state, events, b.faces, b.deviceId, b.lateTolerance, () -> online);
    }

    void setOnline(boolean isOnline) {
        this.online = isOnline;
    }

    boolean isOnline() {
        return online;
    }

    Decision decide(Credential credential, GateContext context) {
        Instant[] times = clock.readBoth();
        Instant now = context.time().orElse(times[1]);
        DeviceConfig cfg = state.config().orElse(null);
        String gate = context.gateId().orElse(cfg != null && cfg.gateId() != null ? cfg.gateId() : gateId);
        String zone = context.zoneId()
                .orElse(
                        cfg != null && cfg.zones() != null && !cfg.zones().isEmpty()
                                ? cfg.zones().get(0)
                                : defaultZone);
        Situation s = new Situation(credential, context, gate, zone, times[0], now, cfg, ids.eventId());
        byte[] presented = Credentials.presentedBinding(credential, context, Credentials.bindingKey(cfg, bindingKey));
        Pass pass = null;
        ScenicPassException unreadable = null;
        if (credential.isPass()) {
            try {
                pass = Credentials.resolve(Credentials.decodePass(credential), state.keySet());
            } catch (ScenicPassException e) {
                unreadable = e;
            }
        }
        Online answer = pass == null ? Online.NOT_ASKED : askOnline(s, pass, presented);
        decisionLock.lock();
        try {
            if (cfg != null
                    && cfg.direction() != null
                    && !"BOTH".equalsIgnoreCase(cfg.direction())
                    && !cfg.direction().equalsIgnoreCase(context.direction().name())) {
                return recorder.record(s, null, Reason.WRONG_DIRECTION, null);
            }
            if (credential.sample().isPresent()) {
                return decideByFace(s);
            }
            if (unreadable != null) {
                return recorder.record(s, null, unreadable.code().name(), null);
            }
            if (pass != null) {
                synchronized (stripe(pass.claims().passId())) {
                    RuleChain.Outcome o = chain.run(check(s, pass, presented));
                    String faceRefused = o.admitted() ? faceWithPass(s, pass) : null;
                    if (faceRefused != null) {
                        return recorder.record(s, pass, faceRefused, FACE);
                    }
                    OnlineCheckResponse r = answer.response;
                    if (o.admitted() && r != null && r.verdict() == Verdict.DENY) {
                        String reason = r.reason() == null || r.reason().isEmpty() ? Reason.RULE_DENIED : r.reason();
                        return recorder.record(s, pass, reason, "online");
                    }
                    // no answer in time: decided offline, and journaled so (offline = true)
                    return recorder.record(s.decidedOffline(answer == Online.FELL_BACK), pass, o.reason, o.rule);
                }
            }
            return decideByPerson(s, presented);
        } catch (RuntimeException e) {
            // a bug must not take the lane down: deny (journaled if at all possible) and keep going
            LOG.error("unexpected error while deciding; denying", e);
            try {
                return recorder.record(s, null, Reason.INTERNAL_ERROR, null);
            } catch (RuntimeException again) {
                return DecisionRecorder.unjournaled(s, Reason.INTERNAL_ERROR, null);
            }
        } finally {
            decisionLock.unlock();
        }
    }

    private Decision decideByPerson(Situation s, byte[] presented) {
        if (presented != null && state.blacklist().isBlacklisted(presented)) {
            return recorder.record(
                    s, null, Reason.BLACKLISTED, BlacklistRule.NAME); // refused even with no pass on file
        }
        List<ManifestEntry> entries = Credentials.lookUp(s.credential, presented, state.manifest());
        Pass bestPass = null;
        RuleChain.Outcome best = null;
        for (ManifestEntry e : entries) {
            Pass pass;
            try {
                pass = Credentials.resolve(PassCodec.decode(e.passText()), state.keySet());
            } catch (ScenicPassException ex) {
                LOG.warn("manifest entry {} holds an unreadable pass ({})", e.passId(), ex.code());
                continue;
            }
            synchronized (stripe(pass.claims().passId())) {
                RuleChain.Outcome o = chain.run(check(s, pass, presented));
                if (o.admitted()) {
                    return recorder.record(s, pass, o.reason, null);
                }
                if (best == null || o.depth > best.depth) {
                    best = o;
                    bestPass = pass;
                }
            }
        }
        if (best == null) {
            return recorder.record(s, null, Reason.NOT_FOUND, null);
        }
        return recorder.record(s, bestPass, best.reason, best.rule);
    }

    /** Face alone (1:N among the enrolled holders of valid passes), then the pass's rules. */
    private Decision decideByFace(Situation s) {
        BiometricTemplate sample = s.credential.sample().get();
        if (sample.liveness().failed()) {
            return recorder.record(s, null, Reason.LIVENESS_FAILED, FACE);
        }
        if (faces == null) {
            return recorder.record(s, null, Reason.FACE_NOT_MATCHED, FACE);
        }
        faces.refresh(state, s.now);
        s.faceThreshold = faces.threshold();
        FaceIndex.Hit hit = faces.match(sample).orElse(null);
        if (hit == null) {
            return recorder.record(s, null, Reason.FACE_NOT_MATCHED, FACE);
        }
        s.faceScore = hit.score;
        Pass pass = Credentials.resolve(PassCodec.decode(hit.passText), state.keySet());
        synchronized (stripe(pass.claims().passId())) {
            RuleChain.Outcome o = chain.run(check(s, pass, null));
            return recorder.record(s, pass, o.reason, o.rule);
        }
    }

    /**
     * A face shown with an admitted pass: a failed liveness or a 1:1 score under the threshold refuses (the reason);
     * a pass without a face here that allows further entries has it captured on admission. Null: go on.
     */
    private String faceWithPass(Situation s, Pass pass) {
        BiometricTemplate sample = s.context.faceSample().orElse(null);
        if (sample == null || faces == null) {
            return null;
        }
        if (sample.liveness().failed()) {
            return Reason.LIVENESS_FAILED;
        }
        faces.refresh(state, s.now);
        s.faceThreshold = faces.threshold();
        OptionalDouble score = faces.verify(pass.claims().passId(), sample);
        if (score.isPresent()) {
            s.faceScore = score.getAsDouble();
            return s.faceScore < faces.threshold() ? Reason.FACE_MISMATCH : null;
        }
        if (s.context.direction() == Direction.IN
                && (pass.claims().kind() == PassKind.MULTI_DAY
                        || pass.claims().kind() == PassKind.ANNUAL
                        || pass.claims().reentry() != ReentryPolicy.SINGLE
                        || pass.claims().entriesAllowed() != 1)) {
            s.capture = sample;
        }
        return null;
    }

    /** What the online check gave: not asked, no answer in time (decide offline), or the server's answer. */
    private static final class Online {
        static final Online NOT_ASKED = new Online(null);
        static final Online FELL_BACK = new Online(null);
        final OnlineCheckResponse response;

        private Online(OnlineCheckResponse response) {
            this.response = response;
        }
    }

    /** Asks the server about an "online preferred" pass the offline rules would admit, within the budget. */
    private Online askOnline(Situation s, Pass pass, byte[] presented) {
        if (onlineAsker == null || s.context.direction() != Direction.IN || !onlineAsker.wants(pass.claims())) {
            return Online.NOT_ASKED;
        }
        if (!chain.run(check(s, pass, presented)).admitted()) {
            return Online.NOT_ASKED; // an offline deny stands; no need to ask
        }
        long budget = s.config == null ? 0 : s.config.onlineCheckBudgetMillis();
        return onlineAsker
                .ask(
                        new OnlineCheckRequest(s.eventId, pass.text(), s.gate, s.zone, s.context.direction(), s.now),
                        budget)
                .map(Online::new)
                .orElse(Online.FELL_BACK);
    }

    private PassCheck check(Situation s, Pass pass, byte[] presented) {
        int party = s.context.partyCount().orElse(Math.max(1, pass.claims().partySize()));
        PassUsage usage = state.ledger().usage(pass.claims().passId());
        return new PassCheck(
                pass, s.credential, s.context, s.zone, s.now, usage, state, early(s), late(s), party, presented);
    }

    private Duration early(Situation s) {
        return s.config != null ? Duration.ofSeconds(s.config.earlyToleranceSeconds()) : early;
    }

    private Duration late(Situation s) {
        return recorder.late(s);
    }

    /** See {@link Gate#notPassed(String)}. */
    boolean notPassed(String eventId) {
        EntryEvent admitted = events.recentAdmits().take(eventId);
        if (admitted == null) {
            return false;
        }
        Instant[] times = clock.readBoth();
        EntryEvent undo = admitted.toBuilder()
                .eventId(ids.eventId())
                .verdict(Verdict.DENY)
                .reason(Reason.NOT_PASSED)
                .deviceTime(times[0])
                .correctedTime(times[1])
                .offline(!online)
                .build();
        decisionLock.lock();
        try {
            synchronized (stripe(admitted.passId())) {
                events.append(undo);
            }
            return true;
        } catch (JournalException e) {
            LOG.error("cannot journal a not-passed event ({})", e.code());
            return false;
        } finally {
            decisionLock.unlock();
        }
    }

    /** See {@link io.scenicpass.terminal.internal.gate.GateInternals#acceptPeerEvent}. */
    boolean acceptPeer(EntryEvent event) {
        decisionLock.lock();
        try {
            synchronized (stripe(event.passId())) {
                return events.appendPeer(event);
            }
        } finally {
            decisionLock.unlock();
        }
    }

    private Object stripe(String passId) {
        return stripes[(passId == null ? 0 : passId.hashCode() & 0x7fffffff) % STRIPES];
    }
}
