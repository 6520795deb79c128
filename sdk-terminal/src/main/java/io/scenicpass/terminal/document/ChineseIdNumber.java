package io.scenicpass.terminal.document;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A validated CN resident identity number (公民身份号码, GB 11643-1999): 17 digits and an ISO 7064
 * MOD 11-2 check character, a real birth date not in the future, a province-level address code.
 * Surrounding whitespace is trimmed (card readers pad fields); a lowercase {@code x} is accepted and
 * normalised to {@code X}. {@link #toString()} masks the number.
 */
public final class ChineseIdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String number;
    private final LocalDate birthDate;

    private ChineseIdNumber(String number, LocalDate birthDate) {
        this.number = number;
        this.birthDate = birthDate;
    }

    /**
     * Validates an 18-character number against the date given by {@code clock}.
     *
     * @throws DocumentException with a {@code CN_ID_*} code naming the first defect found
     */
    public static ChineseIdNumber parse(String input, Clock clock) {
        return parse(input, LocalDate.now(clock));
    }

    /**
     * Validates an 18-character number; the birth date must not be after {@code today}.
     *
     * @throws DocumentException with a {@code CN_ID_*} code naming the first defect found
     */
    public static ChineseIdNumber parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String s = input == null ? "" : input.trim();
        if (s.length() == 15 && allDigits(s, 15)) {
            throw new DocumentException(DocumentErrorCode.CN_ID_LEGACY_FORMAT);
        }
        if (s.length() != 18) {
            throw new DocumentException(
                    DocumentErrorCode.CN_ID_LENGTH, "ID number must have 18 characters, got " + s.length());
        }
        char last = Character.toUpperCase(s.charAt(17));
        if (!allDigits(s, 17) || !((last >= '0' && last <= '9') || last == 'X')) {
            throw new DocumentException(DocumentErrorCode.CN_ID_CHARACTERS);
        }
        String normal = s.substring(0, 17) + last;
        if (checkCharacter(normal.substring(0, 17)) != last) {
            throw new DocumentException(DocumentErrorCode.CN_ID_CHECK_CHARACTER);
        }
        LocalDate birth = date(normal.substring(6, 14));
        if (birth == null) {
            throw new DocumentException(DocumentErrorCode.CN_ID_BIRTH_DATE, "birth date is not a calendar date");
        }
        if (birth.isAfter(today)) {
            throw new DocumentException(DocumentErrorCode.CN_ID_BIRTH_DATE, "birth date is in the future");
        }
        if (!isProvince(Integer.parseInt(normal.substring(0, 2)))) {
            throw new DocumentException(DocumentErrorCode.CN_ID_REGION);
        }
        return new ChineseIdNumber(normal, birth);
    }

    /** True if {@link #parse(String, LocalDate)} would accept the input. */
    public static boolean isValid(String input, LocalDate today) {
        try {
            parse(input, today);
            return true;
        } catch (DocumentException e) {
            return false;
        }
    }

    /**
     * Upgrades a 15-digit legacy number (born 19xx): inserts {@code 19} before the birth date, appends the
     * check character and validates the result.
     *
     * @throws DocumentException {@code CN_ID_LENGTH} / {@code CN_ID_CHARACTERS} for a malformed legacy
     *     number, or any code {@link #parse(String, LocalDate)} raises for the result
     */
    public static ChineseIdNumber upgradeLegacy(String legacy15, LocalDate today) {
        String s = legacy15 == null ? "" : legacy15.trim();
        if (s.length() != 15) {
            throw new DocumentException(
                    DocumentErrorCode.CN_ID_LENGTH, "legacy ID number must have 15 digits, got " + s.length());
        }
        if (!allDigits(s, 15)) {
            throw new DocumentException(DocumentErrorCode.CN_ID_CHARACTERS, "legacy ID number must be 15 digits");
        }
        String seventeen = s.substring(0, 6) + "19" + s.substring(6);
        return parse(seventeen + checkCharacter(seventeen), today);
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17 || !allDigits(first17, 17)) {
            throw new DocumentException(DocumentErrorCode.CN_ID_CHARACTERS);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The canonical 18-character number (upper-case X). */
    public String number() {
        return number;
    }

    /** The six-digit address code (region). */
    public String region() {
        return number.substring(0, 6);
    }

    /** The birth date from digits 7-14. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** {@code M} when the 17th digit is odd, {@code F} when even. */
    public String sex() {
        return (number.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    private static boolean isProvince(int p) {
        return (p >= 11 && p <= 15)
                || (p >= 21 && p <= 23)
                || (p >= 31 && p <= 37)
                || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54)
                || (p >= 61 && p <= 65)
                || p == 71
                || (p >= 81 && p <= 83);
    }

    private static LocalDate date(String yyyymmdd) {
        try {
            return LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChineseIdNumber && ((ChineseIdNumber) o).number.equals(number);
    }

    @Override
    public int hashCode() {
        return number.hashCode();
    }

    /** Masked: region and the last character only. */
    @Override
    public String toString() {
        return "ChineseIdNumber{" + number.substring(0, 6) + "********" + "***" + number.charAt(17) + "}";
    }
}
