package io.scenicpass.terminal.document;

/**
 * Reason codes for identity documents that cannot be read or do not pass their own checks.
 * Every {@link DocumentException} carries one of these; messages never contain the document's data.
 */
public enum DocumentErrorCode {
    /** The MRZ lines match no ICAO 9303 layout (line count or line length). */
    MRZ_LAYOUT("MRZ lines match no ICAO 9303 layout"),
    /** The MRZ was recognised but at least one check failed (see {@link MrzDocument#failingChecks()}). */
    MRZ_INVALID("MRZ failed its checks"),
    /** A CN resident identity number is empty or has the wrong length. */
    CN_ID_LENGTH("ID number must have 18 characters"),
    /** A 15-digit legacy number was given where an 18-character number is required. */
    CN_ID_LEGACY_FORMAT("15-digit legacy ID number: upgrade it to 18 characters first"),
    /** Characters other than 17 digits followed by a digit or X. */
    CN_ID_CHARACTERS("ID number must be 17 digits followed by a digit or X"),
    /** The ISO 7064 MOD 11-2 check character does not match. */
    CN_ID_CHECK_CHARACTER("ID number check character does not match"),
    /** The birth date is not a real calendar date, or lies in the future. */
    CN_ID_BIRTH_DATE("ID number carries an impossible birth date"),
    /** The first two digits are not a province-level address code. */
    CN_ID_REGION("ID number carries an unknown province code"),
    /** The ID-card text block is not 256 bytes or one of its fields cannot be decoded. */
    ID_CARD_TEXT("ID card text block is malformed");

    private final String defaultMessage;

    DocumentErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /** A short English message suitable for logs and operator screens. */
    public String defaultMessage() {
        return defaultMessage;
    }
}
