package io.scenicpass.core;

/** Identity documents a holder binding can refer to. */
public enum DocumentType {
    /** Chinese resident identity card. */
    CN_ID,
    /** Passport. */
    PASSPORT,
    /** Mainland travel permit for Hong Kong and Macao residents (港澳居民来往内地通行证). */
    HK_MO_PERMIT,
    /** Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证). */
    TW_PERMIT,
    /** Foreigner's permanent residence ID card (外国人永久居留身份证). */
    FOREIGNER_PR,
    /** Any other document. */
    OTHER
}
