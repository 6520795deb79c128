package io.scenicpass.terminal;

import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Pass;
import io.scenicpass.core.Verdict;
import io.scenicpass.terminal.internal.gate.FaceIndex;
import io.scenicpass.terminal.internal.gate.Messages;
import io.scenicpass.terminal.journal.JournalException;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.state.GateState;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a decision: the entry event journaled (the face captured with it enrolled), the admission
 * remembered for {@link Gate#notPassed}, and the {@link Decision} with its messages. A decision that cannot be
 * journaled keeps the gate closed ({@code JOURNAL_UNAVAILABLE}).
 */
final class DecisionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);

    private final GateState state;
    private final GateEvents events;
    private final FaceIndex faces;
    private final String deviceId;
    private final Duration late;
    private final BooleanSupplier online;

    DecisionRecorder(
            GateState state,
            GateEvents events,
            FaceIndex faces,
            String deviceId,
            Duration late,
            BooleanSupplier online) {
        this.state = state;
        this.events = events;
        this.faces = faces;
        this.deviceId = deviceId;
        this.late = late;
        this.online = online;
    }

    /** The late tolerance in effect: the synced config's, else the builder's. */
    Duration late(Situation s) {
        return s.config != null ? Duration.ofSeconds(s.config.lateToleranceSeconds()) : late;
    }

    /** Journals the decision on {@code pass} (null: none) and answers it. */
    Decision record(Situation s, Pass pass, String reason, String rule) {
        boolean admit = Reason.admits(reason);
        int party = !admit
                ? 0
                : s.context.partyCount().orElse(Math.max(1, pass.claims().partySize()));
        String enrolment = admit && s.capture != null ? faces.capture(pass, s.capture, s.eventId) : null;
        EntryEvent event = EntryEvent.builder()
                .eventId(s.eventId)
                .passId(pass == null ? null : pass.claims().passId())
                .gateId(s.gate)
                .deviceId(deviceId)
                .zoneId(s.zone)
                .direction(s.context.direction())
                .credentialType(s.credential.type())
                .verdict(admit ? Verdict.ADMIT : Verdict.DENY)
                .reason(reason)
                .deviceTime(s.deviceTime)
                .correctedTime(s.now)
                .offline(!online.getAsBoolean() || s.fellBack)
                .partyCount(party)
                .faceMatch(s.faceScore, s.faceThreshold)
                .faceEnrolment(enrolment)
                .build();
        long recordId;
        try {
            recordId = events.append(event);
        } catch (JournalException e) {
            LOG.error("cannot journal a decision ({}); keeping the gate closed", e.code());
            return unjournaled(s, Reason.JOURNAL_UNAVAILABLE, summary(pass));
        }
        if (admit) {
            events.recentAdmits().add(event);
            state.ledger()
                    .retainUntil(
                            pass.claims().passId(), pass.claims().validUntil().plus(late(s)));
        }
        String[] m = Messages.forReason(reason, s.config);
        return new Decision(
                admit ? Verdict.ADMIT : Verdict.DENY,
                reason,
                rule,
                m[0],
                m[1],
                party,
                summary(pass),
                event.eventId(),
                recordId,
                s.deviceTime,
                s.now,
                s.context.direction(),
                s.credential.type(),
                s.gate,
                s.zone,
                s.faceScore,
                s.faceThreshold);
    }

    /** A refusal that could not be journaled (journal down, or a bug while deciding). */
    static Decision unjournaled(Situation s, String reason, PassSummary pass) {
        String[] m = Messages.forReason(reason, s.config);
        return new Decision(
                Verdict.DENY,
                reason,
                null,
                m[0],
                m[1],
                0,
                pass,
                s.eventId,
                -1,
                s.deviceTime,
                s.now,
                s.context.direction(),
                s.credential.type(),
                s.gate,
                s.zone);
    }

    private PassSummary summary(Pass pass) {
        return pass == null
                ? null
                : new PassSummary(
                        pass.claims(),
                        state.ledger().usage(pass.claims().passId()).entries());
    }
}
