package io.scenicpass.core;

/** What the visitor presented at the gate. */
public enum CredentialType {
    /** A QR code carrying the pass text. */
    QR,
    /** An NFC tag carrying the raw pass bytes. */
    NFC,
    /** A resident identity card. */
    ID_CARD,
    /** A passport (MRZ). */
    PASSPORT,
    /** A card identified by its UID. */
    CARD_UID,
    /** Face recognition. */
    FACE,
    /** Palm recognition. */
    PALM,
    /** A health certificate. */
    HEALTH_CERT
}
