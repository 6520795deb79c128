package io.scenicpass.terminal.device;

import io.scenicpass.terminal.document.IdCardInfo;
import io.scenicpass.terminal.document.MrzDocument;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A credential as read by a device, before any decision: its kind, the text the gate decides on, the raw
 * bytes where there are any, and the parsed document for ID cards and passports.
 * {@link #toString()} never shows the text (it may be a pass or an ID number).
 */
public final class ScannedCredential {
    private final CredentialKind kind;
    private final String text;
    private final byte[] raw;
    private final String readerId;
    private final Instant readAt;
    private final IdCardInfo idCard;
    private final MrzDocument mrz;
    private final Double score;

    private ScannedCredential(Builder b) {
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.text = Objects.requireNonNull(b.text, "text");
        this.raw = b.raw == null ? new byte[0] : b.raw.clone();
        this.readerId = Objects.requireNonNull(b.readerId, "readerId");
        this.readAt = Objects.requireNonNull(b.readAt, "readAt");
        this.idCard = b.idCard;
        this.mrz = b.mrz;
        this.score = b.score;
    }

    /** Shorthand for a text credential. */
    public static ScannedCredential of(CredentialKind kind, String text, String readerId, Instant readAt) {
        return builder().kind(kind).text(text).readerId(readerId).readAt(readAt).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** What was read. */
    public CredentialKind kind() {
        return kind;
    }

    /**
     * The text the gate decides on: QR text, the pass text from NFC, card UID hex, ID number, passport
     * document number, or biometric subject id.
     */
    public String text() {
        return text;
    }

    /** Raw bytes (NFC NDEF payload, QR bytes as received); empty when there are none. A copy. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The device that read it. */
    public String readerId() {
        return readerId;
    }

    /** When it was read (device clock). */
    public Instant readAt() {
        return readAt;
    }

    /** The ID card contents for {@link CredentialKind#ID_CARD}. */
    public Optional<IdCardInfo> idCard() {
        return Optional.ofNullable(idCard);
    }

    /** The parsed MRZ for {@link CredentialKind#PASSPORT}. */
    public Optional<MrzDocument> mrz() {
        return Optional.ofNullable(mrz);
    }

    /** The match score for biometric credentials. */
    public OptionalDouble score() {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    @Override
    public String toString() {
        return "ScannedCredential{" + kind + " from " + readerId + ", " + text.length() + " chars}";
    }

    /** Builder for {@link ScannedCredential}. */
    public static final class Builder {
        private CredentialKind kind;
        private String text;
        private byte[] raw;
        private String readerId;
        private Instant readAt;
        private IdCardInfo idCard;
        private MrzDocument mrz;
        private Double score;

        private Builder() {}

        /** Sets the kind. */
        public Builder kind(CredentialKind v) {
            this.kind = v;
            return this;
        }

        /** Sets the text. */
        public Builder text(String v) {
            this.text = v;
            return this;
        }

        /** Sets the raw bytes. */
        public Builder raw(byte[] v) {
            this.raw = v;
            return this;
        }

        /** Sets the reader id. */
        public Builder readerId(String v) {
            this.readerId = v;
            return this;
        }

        /** Sets the read time. */
        public Builder readAt(Instant v) {
            this.readAt = v;
            return this;
        }

        /** Sets the ID card contents. */
        public Builder idCard(IdCardInfo v) {
            this.idCard = v;
            return this;
        }

        /** Sets the parsed MRZ. */
        public Builder mrz(MrzDocument v) {
            this.mrz = v;
            return this;
        }

        /** Sets the biometric match score. */
        public Builder score(double v) {
            this.score = v;
            return this;
        }

        /** Builds; kind, text, readerId and readAt are required. */
        public ScannedCredential build() {
            return new ScannedCredential(this);
        }
    }
}
