package io.scenicpass.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/** A gate decision, recorded at the terminal (UUIDv7 event id). JSON via Jackson. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class EntryEvent {
    private final String eventId;
    private final String passId;
    private final String gateId;
    private final String deviceId;
    private final String zoneId;
    private final Direction direction;
    private final CredentialType credentialType;
    private final Verdict verdict;
    private final String reason;
    private final Instant deviceTime;
    private final Instant correctedTime;
    private final boolean offline;
    private final int partyCount;
    private final Double matchScore;
    private final Double matchThreshold;
    private final String faceEnrolment;

    /** All fields but the face ones (events of gates without a face matcher). */
    public EntryEvent(
            String eventId,
            String passId,
            String gateId,
            String deviceId,
            String zoneId,
            Direction direction,
            CredentialType credentialType,
            Verdict verdict,
            String reason,
            Instant deviceTime,
            Instant correctedTime,
            boolean offline,
            int partyCount) {
        this(
                eventId,
                passId,
                gateId,
                deviceId,
                zoneId,
                direction,
                credentialType,
                verdict,
                reason,
                deviceTime,
                correctedTime,
                offline,
                partyCount,
                null,
                null,
                null);
    }

    /** All fields; the face ones may be null. */
    @JsonCreator
    public EntryEvent(
            @JsonProperty("eventId") String eventId,
            @JsonProperty("passId") String passId,
            @JsonProperty("gateId") String gateId,
            @JsonProperty("deviceId") String deviceId,
            @JsonProperty("zoneId") String zoneId,
            @JsonProperty("direction") Direction direction,
            @JsonProperty("credentialType") CredentialType credentialType,
            @JsonProperty("verdict") Verdict verdict,
            @JsonProperty("reason") String reason,
            @JsonProperty("deviceTime") Instant deviceTime,
            @JsonProperty("correctedTime") Instant correctedTime,
            @JsonProperty("offline") boolean offline,
            @JsonProperty("partyCount") int partyCount,
            @JsonProperty("matchScore") Double matchScore,
            @JsonProperty("matchThreshold") Double matchThreshold,
            @JsonProperty("faceEnrolment") String faceEnrolment) {
        this.eventId = eventId;
        this.passId = passId;
        this.gateId = gateId;
        this.deviceId = deviceId;
        this.zoneId = zoneId;
        this.direction = direction;
        this.credentialType = credentialType;
        this.verdict = verdict;
        this.reason = reason;
        this.deviceTime = deviceTime;
        this.correctedTime = correctedTime;
        this.offline = offline;
        this.partyCount = partyCount;
        this.matchScore = matchScore;
        this.matchThreshold = matchThreshold;
        this.faceEnrolment = faceEnrolment;
    }

    /** UUIDv7 string made at the terminal. */
    public String eventId() {
        return eventId;
    }

    /** Pass id; null when the credential was unreadable. */
    public String passId() {
        return passId;
    }

    /** Gate id. */
    public String gateId() {
        return gateId;
    }

    /** Device id. */
    public String deviceId() {
        return deviceId;
    }

    /** Zone id. */
    public String zoneId() {
        return zoneId;
    }

    /** Direction. */
    public Direction direction() {
        return direction;
    }

    /** What was presented. */
    public CredentialType credentialType() {
        return credentialType;
    }

    /** Decision. */
    public Verdict verdict() {
        return verdict;
    }

    /** Reason code, e.g. OK, REVOKED. */
    public String reason() {
        return reason;
    }

    /** Device clock time. */
    public Instant deviceTime() {
        return deviceTime;
    }

    /** Time corrected by the server clock offset. */
    public Instant correctedTime() {
        return correctedTime;
    }

    /** True if decided offline. */
    public boolean offline() {
        return offline;
    }

    /** People admitted. */
    public int partyCount() {
        return partyCount;
    }

    /** The face match score in [0, 1] when a face decided (1:1 or 1:N); null otherwise. */
    public Double matchScore() {
        return matchScore;
    }

    /** The threshold the face score was held against; null when no face decided. */
    public Double matchThreshold() {
        return matchThreshold;
    }

    /**
     * A face template captured at this entry for enrolment (first entry of a re-entry pass), sealed for the server
     * with the device's face key ({@code FaceSeal}); null when none. Never a raw photo.
     */
    public String faceEnrolment() {
        return faceEnrolment;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EntryEvent)) {
            return false;
        }
        EntryEvent x = (EntryEvent) o;
        return Objects.equals(eventId, x.eventId)
                && Objects.equals(passId, x.passId)
                && Objects.equals(gateId, x.gateId)
                && Objects.equals(deviceId, x.deviceId)
                && Objects.equals(zoneId, x.zoneId)
                && Objects.equals(direction, x.direction)
                && Objects.equals(credentialType, x.credentialType)
                && Objects.equals(verdict, x.verdict)
                && Objects.equals(reason, x.reason)
                && Objects.equals(deviceTime, x.deviceTime)
                && Objects.equals(correctedTime, x.correctedTime)
                && offline == x.offline
                && partyCount == x.partyCount
                && Objects.equals(matchScore, x.matchScore)
                && Objects.equals(matchThreshold, x.matchThreshold)
                && Objects.equals(faceEnrolment, x.faceEnrolment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                eventId,
                passId,
                gateId,
                deviceId,
                zoneId,
                direction,
                credentialType,
                verdict,
                reason,
                deviceTime,
                correctedTime,
                offline,
                partyCount,
                matchScore,
                matchThreshold,
                faceEnrolment);
    }

    @Override
    public String toString() {
        return "EntryEvent{" + "eventId=" + eventId + ", " + "passId=" + passId + ", " + "gateId=" + gateId + ", "
                + "deviceId=" + deviceId + ", " + "zoneId=" + zoneId + ", " + "direction=" + direction + ", "
                + "credentialType=" + credentialType + ", " + "verdict=" + verdict + ", " + "reason=" + reason + ", "
                + "deviceTime=" + deviceTime + ", " + "correctedTime=" + correctedTime + ", " + "offline=" + offline
                + ", " + "partyCount=" + partyCount + (matchScore == null ? "" : ", matchScore=" + matchScore)
                + (faceEnrolment == null ? "" : ", faceEnrolment=sealed") + "}";
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this value. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.eventId = eventId;
        b.passId = passId;
        b.gateId = gateId;
        b.deviceId = deviceId;
        b.zoneId = zoneId;
        b.direction = direction;
        b.credentialType = credentialType;
        b.verdict = verdict;
        b.reason = reason;
        b.deviceTime = deviceTime;
        b.correctedTime = correctedTime;
        b.offline = offline;
        b.partyCount = partyCount;
        b.matchScore = matchScore;
        b.matchThreshold = matchThreshold;
        b.faceEnrolment = faceEnrolment;
        return b;
    }

    /** Builder of {@link EntryEvent}. */
    public static final class Builder {
        private String eventId;
        private String passId;
        private String gateId;
        private String deviceId;
        private String zoneId;
        private Direction direction;
        private CredentialType credentialType;
        private Verdict verdict;
        private String reason;
        private Instant deviceTime;
        private Instant correctedTime;
        private boolean offline;
        private int partyCount;
        private Double matchScore;
        private Double matchThreshold;
        private String faceEnrolment;

        private Builder() {}

        /** UUIDv7 string made at the terminal. */
        public Builder eventId(String v) {
            this.eventId = v;
            return this;
        }

        /** Pass id; null when the credential was unreadable. */
        public Builder passId(String v) {
            this.passId = v;
            return this;
        }

        /** Gate id. */
        public Builder gateId(String v) {
            this.gateId = v;
            return this;
        }

        /** Device id. */
        public Builder deviceId(String v) {
            this.deviceId = v;
            return this;
        }

        /** Zone id. */
        public Builder zoneId(String v) {
            this.zoneId = v;
            return this;
        }

        /** Direction. */
        public Builder direction(Direction v) {
            this.direction = v;
            return this;
        }

        /** What was presented. */
        public Builder credentialType(CredentialType v) {
            this.credentialType = v;
            return this;
        }

        /** Decision. */
        public Builder verdict(Verdict v) {
            this.verdict = v;
            return this;
        }

        /** Reason code, e.g. OK, REVOKED. */
        public Builder reason(String v) {
            this.reason = v;
            return this;
        }

        /** Device clock time. */
        public Builder deviceTime(Instant v) {
            this.deviceTime = v;
            return this;
        }

        /** Time corrected by the server clock offset. */
        public Builder correctedTime(Instant v) {
            this.correctedTime = v;
            return this;
        }

        /** True if decided offline. */
        public Builder offline(boolean v) {
            this.offline = v;
            return this;
        }

        /** People admitted. */
        public Builder partyCount(int v) {
            this.partyCount = v;
            return this;
        }

        /** The face match score and the threshold it was held against (both null when no face decided). */
        public Builder faceMatch(Double score, Double threshold) {
            this.matchScore = score;
            this.matchThreshold = threshold;
            return this;
        }

        /** A sealed face template captured for enrolment (see {@link EntryEvent#faceEnrolment()}). */
        public Builder faceEnrolment(String v) {
            this.faceEnrolment = v;
            return this;
        }

        /** Builds the value. */
        public EntryEvent build() {
            return new EntryEvent(
                    eventId,
                    passId,
                    gateId,
                    deviceId,
                    zoneId,
                    direction,
                    credentialType,
                    verdict,
                    reason,
                    deviceTime,
                    correctedTime,
                    offline,
                    partyCount,
                    matchScore,
                    matchThreshold,
                    faceEnrolment);
        }
    }
}
