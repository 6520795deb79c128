package io.scenicpass.terminal.device;

/** What a reader read. The lane maps it to the engine's credential type. */
public enum CredentialKind {
    /** QR or barcode text (an {@code SP1…} pass, an {@code HC1:} certificate, or anything else). */
    QR,
    /** A pass carried in an NFC NDEF text record. */
    NFC_PASS,
    /** The UID of a contactless card (hex, upper case). */
    CARD_UID,
    /** A Chinese resident ID card; the text is the validated ID number. */
    ID_CARD,
    /** A passport or other travel document; the text is the document number. */
    PASSPORT,
    /** A face matched to an enrolled subject; the text is the subject id. */
    FACE,
    /** A palm vein matched to an enrolled subject; the text is the subject id. */
    PALM
}
