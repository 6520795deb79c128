package io.scenicpass.terminal.document;

/** The individual checks an MRZ must pass; {@link MrzDocument#failingChecks()} lists the failing ones. */
public enum MrzCheck {
    /** Check digit over the document number (including an extended number's overflow). */
    DOCUMENT_NUMBER_CHECK_DIGIT("documentNumberCheckDigit"),
    /** Check digit over the date of birth. */
    DATE_OF_BIRTH_CHECK_DIGIT("dateOfBirthCheckDigit"),
    /** Check digit over the date of expiry. */
    DATE_OF_EXPIRY_CHECK_DIGIT("dateOfExpiryCheckDigit"),
    /** TD3 only: check digit over the personal number. */
    OPTIONAL_DATA_CHECK_DIGIT("optionalDataCheckDigit"),
    /** TD1/TD2/TD3: composite check digit. */
    COMPOSITE_CHECK_DIGIT("compositeCheckDigit"),
    /** The date of birth is not a real calendar date. */
    DATE_OF_BIRTH_CALENDAR("dateOfBirthCalendar"),
    /** The date of expiry is not a real calendar date. */
    DATE_OF_EXPIRY_CALENDAR("dateOfExpiryCalendar"),
    /** The name contains digits. */
    NAME_CHARACTERS("nameCharacters"),
    /** A state code contains digits. */
    STATE_CHARACTERS("stateCharacters"),
    /** A character outside {@code A-Z 0-9 <}. */
    CHARACTERS("characters");

    private final String id;

    MrzCheck(String id) {
        this.id = id;
    }

    /** Stable camel-case name, as used by the shared MRZ test corpus. */
    public String id() {
        return id;
    }
}
