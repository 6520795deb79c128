package io.scenicpass.core;

/** Identity documents a holder binding can refer to. */
public enum DocumentType {
    /** Chinese resident identity card. */
    CN_ID,
    /** Passport. */
    PASSPORT,
    /** Any other document. */
    OTHER
}
