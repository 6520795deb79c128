package io.scenicpass.terminal;

import io.scenicpass.core.CredentialType;
import io.scenicpass.core.DocumentType;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.document.MrzDocument;
import io.scenicpass.terminal.document.PresentedDocument;
import io.scenicpass.terminal.rules.CredentialView;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a visitor presented at the gate: a pass (QR text or NFC bytes) or something that identifies the
 * person (ID card number, passport document number, card UID, face or palm subject id), which the gate
 * resolves to passes through the local manifest.
 */
public final class Credential implements CredentialView {
    private final CredentialType type;
    private final String text;
    private final byte[] bytes;
    private final PresentedDocument document;
    private final BiometricTemplate sample;

    private Credential(CredentialType type, String text, byte[] bytes) {
        this(type, text, bytes, null);
    }

    private Credential(CredentialType type, String text, byte[] bytes, PresentedDocument document) {
        this(type, text, bytes, document, null);
    }

    private Credential(
            CredentialType type, String text, byte[] bytes, PresentedDocument document, BiometricTemplate sample) {
        this.type = type;
        this.text = text;
        this.bytes = bytes;
        this.document = document;
        this.sample = sample;
    }

    /** @param text the scanned QR text (an {@code SP1…} pass) @return the credential */
    public static Credential qr(String text) {
        return new Credential(CredentialType.QR, Objects.requireNonNull(text, "text"), null);
    }

    /**
     * @param raw bytes read over NFC: the raw COSE pass, or the pass text as ASCII (NDEF text record)
     * @return the credential
     */
    public static Credential nfc(byte[] raw) {
        return new Credential(
                CredentialType.NFC, null, Objects.requireNonNull(raw, "raw").clone());
    }

    /** @param number a Chinese resident ID card number @return the credential */
    public static Credential idCard(String number) {
        return document(DocumentType.CN_ID, number, null);
    }

    /** @param documentNumber a passport's document number (no date of birth known) @return the credential */
    public static Credential passport(String documentNumber) {
        return document(DocumentType.PASSPORT, documentNumber, null);
    }

    /**
     * An identity document on its own (the person's passes are found through the manifest). Chip cards (CN ID,
     * foreigner's permanent residence card) are {@link CredentialType#ID_CARD}; MRZ documents (passports, the
     * mainland travel permits) {@link CredentialType#PASSPORT}.
     *
     * @param type the document type
     * @param number the document number
     * @param birthDate the holder's date of birth as the document carries it; null when not read (a CN ID number
     *     carries its own)
     * @return the credential
     */
    public static Credential document(DocumentType type, String number, LocalDate birthDate) {
        Objects.requireNonNull(number, "number");
        CredentialType t = type == DocumentType.CN_ID || type == DocumentType.FOREIGNER_PR
                ? CredentialType.ID_CARD
                : CredentialType.PASSPORT;
        return new Credential(t, number, null, PresentedDocument.of(type, number, birthDate));
    }

    /**
     * @param mrz a travel document's machine-readable zone (type from its document code, date of birth from it)
     * @param today the gate's date (places the two-digit birth year)
     * @return the credential
     */
    public static Credential mrz(MrzDocument mrz, LocalDate today) {
        PresentedDocument d = PresentedDocument.fromMrz(mrz, today);
        return new Credential(CredentialType.PASSPORT, d.number(), null, d);
    }

    /** @param uid an NFC/RFID card UID in hex @return the credential */
    public static Credential cardUid(String uid) {
        return new Credential(CredentialType.CARD_UID, Objects.requireNonNull(uid, "uid"), null);
    }

    /** @param subjectId the subject a face matcher returned @return the credential */
    public static Credential face(String subjectId) {
        return new Credential(CredentialType.FACE, Objects.requireNonNull(subjectId, "subjectId"), null);
    }

    /**
     * A face alone (1:N): the gate matches the live sample against the enrolled holders of valid passes it holds
     * (its face matcher, {@link GateBuilder#faceMatcher}); a failed liveness verdict is refused.
     *
     * @param sample the live face sample with the vendor's liveness verdict
     * @return the credential
     */
    public static Credential face(BiometricTemplate sample) {
        if (Objects.requireNonNull(sample, "sample").modality() != BiometricModality.FACE) {
            throw new IllegalArgumentException("not a face sample: " + sample.modality());
        }
        return new Credential(CredentialType.FACE, "face-sample", null, null, sample);
    }

    /** @param subjectId the subject a palm-vein matcher returned @return the credential */
    public static Credential palm(String subjectId) {
        return new Credential(CredentialType.PALM, Objects.requireNonNull(subjectId, "subjectId"), null);
    }

    /** @return the kind of credential */
    @Override
    public CredentialType type() {
        return type;
    }

    /** @return the text form (QR text, document number, UID, subject id); for NFC the bytes as ASCII */
    @Override
    public String text() {
        return text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** @return the raw bytes for NFC, otherwise the text as UTF-8 */
    @Override
    public byte[] bytes() {
        return bytes != null ? bytes.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return whether this credential is a pass itself (QR or NFC) rather than a reference to a person */
    @Override
    public boolean isPass() {
        return type == CredentialType.QR || type == CredentialType.NFC;
    }

    /** @return the identity document, for ID card and passport credentials */
    @Override
    public Optional<PresentedDocument> document() {
        return Optional.ofNullable(document);
    }

    /** @return the live face sample of a {@link #face(BiometricTemplate)} credential */
    public Optional<BiometricTemplate> sample() {
        return Optional.ofNullable(sample);
    }

    /** Never shows document numbers: they are personal data. */
    @Override
    public String toString() {
        return "Credential{" + type + "}";
    }
}
