package io.scenicpass.terminal.document;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The contents of a Chinese second-generation resident ID card as read by a GA/T 467-style reader.
 * The photo is passed through untouched (vendor-compressed WLT, usually 1024 bytes).
 * {@link #toString()} never shows personal data.
 */
public final class IdCardInfo {
    /** Sex as coded on the card (GB/T 2261.1). */
    public enum Sex {
        /** Code 0. */
        UNKNOWN,
        /** Code 1. */
        MALE,
        /** Code 2. */
        FEMALE,
        /** Code 9. */
        UNSPECIFIED
    }

    private final String name;
    private final Sex sex;
    private final String nationCode;
    private final String nation;
    private final LocalDate birthDate;
    private final String address;
    private final ChineseIdNumber idNumber;
    private final String authority;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final byte[] photo;

    IdCardInfo(
            String name,
            Sex sex,
            String nationCode,
            String nation,
            LocalDate birthDate,
            String address,
            ChineseIdNumber idNumber,
            String authority,
            LocalDate validFrom,
            LocalDate validUntil,
            byte[] photo) {
        this.name = name;
        this.sex = sex;
        this.nationCode = nationCode;
        this.nation = nation;
        this.birthDate = birthDate;
        this.address = address;
        this.idNumber = idNumber;
        this.authority = authority;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.photo = photo.clone();
    }

    /** Holder's name. */
    public String name() {
        return name;
    }

    /** Holder's sex. */
    public Sex sex() {
        return sex;
    }

    /** Two-digit ethnic group code (GB 3304), e.g. {@code 01}. */
    public String nationCode() {
        return nationCode;
    }

    /** Ethnic group name for the code, e.g. 汉; the code itself when unknown. */
    public String nation() {
        return nation;
    }

    /** Date of birth. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** Registered address. */
    public String address() {
        return address;
    }

    /** The validated ID number. */
    public ChineseIdNumber idNumber() {
        return idNumber;
    }

    /** Issuing authority. */
    public String authority() {
        return authority;
    }

    /** First day of validity. */
    public LocalDate validFrom() {
        return validFrom;
    }

    /** Last day of validity; empty for a long-term (长期) card. */
    public Optional<LocalDate> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** The photo bytes exactly as read (a copy). */
    public byte[] photo() {
        return photo.clone();
    }

    /** Whether the card is valid on the given day (long-term cards always are after {@code validFrom}). */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    @Override
    public String toString() {
        return "IdCardInfo{number=" + idNumber + ", photoBytes=" + photo.length + "}";
    }
}
