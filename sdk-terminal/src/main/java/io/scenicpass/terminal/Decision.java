package io.scenicpass.terminal;

import io.scenicpass.core.CredentialType;
import io.scenicpass.core.Direction;
import io.scenicpass.core.Verdict;
import io.scenicpass.terminal.rules.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate's answer to a credential: admit or deny, a stable {@link Reason} code, a short bilingual
 * message for the display, how many people may pass, a summary of the pass, and the id of the journaled
 * event. A decision is returned only after it was journaled.
 */
public final class Decision {
    private final Verdict verdict;
    private final String reason;
    private final String rule;
    private final String messageZh;
    private final String messageEn;
    private final int partyCount;
    private final PassSummary pass;
    private final String eventId;
    private final long journalId;
    private final Instant deviceTime;
    private final Instant correctedTime;
    private final Direction direction;
    private final CredentialType credentialType;
    private final String gateId;
    private final String zoneId;
    private final Double faceScore;
    private final Double faceThreshold;

    Decision(
            Verdict verdict,
            String reason,
            String rule,
            String messageZh,
            String messageEn,
            int partyCount,
            PassSummary pass,
            String eventId,
            long journalId,
            Instant deviceTime,
            Instant correctedTime,
            Direction direction,
            CredentialType credentialType,
            String gateId,
            String zoneId) {
        this(
                verdict,
                reason,
                rule,
                messageZh,
                messageEn,
                partyCount,
                pass,
                eventId,
                journalId,
                deviceTime,
                correctedTime,
                direction,
                credentialType,
                gateId,
                zoneId,
                null,
                null);
    }

    Decision(
            Verdict verdict,
            String reason,
            String rule,
            String messageZh,
            String messageEn,
            int partyCount,
            PassSummary pass,
            String eventId,
            long journalId,
            Instant deviceTime,
            Instant correctedTime,
            Direction direction,
            CredentialType credentialType,
            String gateId,
            String zoneId,
            Double faceScore,
            Double faceThreshold) {
        this.faceScore = faceScore;
        this.faceThreshold = faceThreshold;
        this.verdict = Objects.requireNonNull(verdict);
        this.reason = Objects.requireNonNull(reason);
        this.rule = rule;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.partyCount = partyCount;
        this.pass = pass;
        this.eventId = eventId;
        this.journalId = journalId;
        this.deviceTime = deviceTime;
        this.correctedTime = correctedTime;
        this.direction = direction;
        this.credentialType = credentialType;
        this.gateId = gateId;
        this.zoneId = zoneId;
    }

    /** @return ADMIT or DENY */
    public Verdict verdict() {
        return verdict;
    }

    /** @return whether the gate should open */
    public boolean admitted() {
        return verdict == Verdict.ADMIT;
    }

    /** @return the reason code, {@link Reason#OK} when admitted */
    public String reason() {
        return reason;
    }

    /** @return name of the rule that denied, empty when admitted or denied before the rules ran */
    public Optional<String> rule() {
        return Optional.ofNullable(rule);
    }

    /** @return the message for the display in Chinese */
    public String messageZh() {
        return messageZh;
    }

    /** @return the message for the display in English */
    public String messageEn() {
        return messageEn;
    }

    /** @return people to let through (0 when denied) */
    public int partyCount() {
        return partyCount;
    }

    /** @return the pass behind the decision, empty when the credential was unreadable or not found */
    public Optional<PassSummary> pass() {
        return Optional.ofNullable(pass);
    }

    /** @return the event id (UUIDv7) of the journaled entry event */
    public String eventId() {
        return eventId;
    }

    /** @return the journal record id */
    public long journalId() {
        return journalId;
    }

    /** @return the raw device time of the decision */
    public Instant deviceTime() {
        return deviceTime;
    }

    /** @return the corrected time the rules used */
    public Instant correctedTime() {
        return correctedTime;
    }

    /** @return the direction */
    public Direction direction() {
        return direction;
    }

    /** @return the credential type */
    public CredentialType credentialType() {
        return credentialType;
    }

    /** @return the gate id */
    public String gateId() {
        return gateId;
    }

    /** @return the zone id */
    public String zoneId() {
        return zoneId;
    }

    /** @return the face match score when a face decided (1:1 or 1:N) */
    public Optional<Double> faceScore() {
        return Optional.ofNullable(faceScore);
    }

    /** @return the threshold the face score was held against, when a face was checked */
    public Optional<Double> faceThreshold() {
        return Optional.ofNullable(faceThreshold);
    }

    @Override
    public String toString() {
        return "Decision{" + verdict + " " + reason + (pass == null ? "" : ", pass=" + pass.passId()) + ", party="
                + partyCount + ", event=" + eventId + "}";
    }
}
