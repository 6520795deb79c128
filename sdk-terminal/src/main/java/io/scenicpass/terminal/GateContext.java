package io.scenicpass.terminal;

import io.scenicpass.core.Direction;
import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.rules.ContextView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a credential was presented: gate, zone, direction, and optional extras (the party size
 * the operator keyed in, an ID document shown with a concession pass, a health certificate).
 * Build with {@link #builder()} or the shortcuts {@link #entry(String)} and {@link #exit(String)}.
 */
public final class GateContext implements ContextView {
    private final String gateId;
    private final String zoneId;
    private final Direction direction;
    private final Instant time;
    private final Integer partyCount;
    private final DocumentType holderDocumentType;
    private final String holderDocumentNumber;
    private final String healthCertificate;
    private final LocalDate holderBirthDate;
    private final boolean staffConfirmed;
    private final BiometricTemplate faceSample;

    private GateContext(Builder b) {
        this.faceSample = b.faceSample;
        this.gateId = b.gateId;
        this.zoneId = b.zoneId;
        this.direction = b.direction;
        this.time = b.time;
        this.partyCount = b.partyCount;
        this.holderDocumentType = b.holderDocumentType;
        this.holderDocumentNumber = b.holderDocumentNumber;
        this.healthCertificate = b.healthCertificate;
        this.holderBirthDate = b.holderBirthDate;
        this.staffConfirmed = b.staffConfirmed;
    }

    /** @return a new builder (direction IN by default) */
    public static Builder builder() {
        return new Builder();
    }

    /** @param zoneId the zone @return an entry into that zone at the gate's configured gate id */
    public static GateContext entry(String zoneId) {
        return builder().zoneId(zoneId).direction(Direction.IN).build();
    }

    /** @param zoneId the zone @return an exit from that zone */
    public static GateContext exit(String zoneId) {
        return builder().zoneId(zoneId).direction(Direction.OUT).build();
    }

    /** @return the gate id, empty to use the gate's configured id */
    @Override
    public Optional<String> gateId() {
        return Optional.ofNullable(gateId);
    }

    /** @return the zone, empty to use the gate's first configured zone */
    @Override
    public Optional<String> zoneId() {
        return Optional.ofNullable(zoneId);
    }

    /** @return the direction */
    @Override
    public Direction direction() {
        return direction;
    }

    /**
     * @return a time to decide at instead of the corrected clock (replaying scans, the command-line
     *     verifier); empty for now
     */
    @Override
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** @return how many people want to pass on this credential; empty = the pass's party size */
    @Override
    public Optional<Integer> partyCount() {
        return Optional.ofNullable(partyCount);
    }

    /** @return type of an ID document presented together with the pass */
    @Override
    public Optional<DocumentType> holderDocumentType() {
        return Optional.ofNullable(holderDocumentType);
    }

    /** @return number of an ID document presented together with the pass */
    @Override
    public Optional<String> holderDocumentNumber() {
        return Optional.ofNullable(holderDocumentNumber);
    }

    /** @return the text of a health certificate presented ({@code HC1:…}) */
    @Override
    public Optional<String> healthCertificate() {
        return Optional.ofNullable(healthCertificate);
    }

    /** @return the date of birth the document presented with the pass carries, if read */
    @Override
    public Optional<LocalDate> holderBirthDate() {
        return Optional.ofNullable(holderBirthDate);
    }

    /** @return whether staff at an attended lane confirmed the holder's age */
    @Override
    public boolean staffConfirmed() {
        return staffConfirmed;
    }

    /** @return the face captured with a pass (1:1 check, or enrolment at a first entry) */
    public Optional<BiometricTemplate> faceSample() {
        return Optional.ofNullable(faceSample);
    }

    @Override
    public String toString() {
        return "GateContext{gate=" + gateId + ", zone=" + zoneId + ", " + direction + "}";
    }

    /** Builder for {@link GateContext}. */
    public static final class Builder {
        private String gateId;
        private String zoneId;
        private Direction direction = Direction.IN;
        private Instant time;
        private Integer partyCount;
        private DocumentType holderDocumentType;
        private String holderDocumentNumber;
        private String healthCertificate;
        private LocalDate holderBirthDate;
        private boolean staffConfirmed;

        private BiometricTemplate faceSample;

        private Builder() {}

        /**
         * The lane's face capture with the pass presented: verified 1:1 against the pass's enrolled face
         * (FACE_MISMATCH below the threshold), or, when the pass has none yet and allows further entries, enrolled
         * at this gate and sent to the server with the entry event. A failed liveness is refused.
         */
        public Builder faceSample(BiometricTemplate v) {
            this.faceSample = v;
            return this;
        }

        /** @param v gate id @return this */
        public Builder gateId(String v) {
            this.gateId = v;
            return this;
        }

        /** @param v zone id @return this */
        public Builder zoneId(String v) {
            this.zoneId = v;
            return this;
        }

        /** @param v direction @return this */
        public Builder direction(Direction v) {
            this.direction = Objects.requireNonNull(v);
            return this;
        }

        /** @param v decide at this time instead of now @return this */
        public Builder time(Instant v) {
            this.time = v;
            return this;
        }

        /** @param v people passing on this credential (at least 1) @return this */
        public Builder partyCount(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("party count must be at least 1");
            }
            this.partyCount = v;
            return this;
        }

        /**
         * @param type the document type
         * @param number the document number
         * @return this
         */
        public Builder holderDocument(DocumentType type, String number) {
            this.holderDocumentType = Objects.requireNonNull(type);
            this.holderDocumentNumber = Objects.requireNonNull(number);
            return this;
        }

        /**
         * @param type the document type
         * @param number the document number
         * @param birthDate the date of birth the document carries (from its MRZ), null when not read
         * @return this
         */
        public Builder holderDocument(DocumentType type, String number, LocalDate birthDate) {
            holderDocument(type, number);
            this.holderBirthDate = birthDate;
            return this;
        }

        /**
         * Staff at an attended lane looked at the visitor and confirm the concession (child policy ATTENDED);
         * the admission is journaled as {@code STAFF_CONFIRMED}.
         *
         * @param v whether staff confirmed
         * @return this
         */
        public Builder staffConfirmed(boolean v) {
            this.staffConfirmed = v;
            return this;
        }

        /** @param text the health certificate text @return this */
        public Builder healthCertificate(String text) {
            this.healthCertificate = text;
            return this;
        }

        /** @return the context */
        public GateContext build() {
            return new GateContext(this);
        }
    }
}
