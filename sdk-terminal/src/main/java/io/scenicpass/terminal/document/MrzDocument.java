package io.scenicpass.terminal.document;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed machine-readable zone. Fields are given as printed, with trailing fillers removed; dates are
 * {@code YYMMDD} exactly as printed (no century is guessed). Check with {@link #isValid()} or
 * {@link #failingChecks()} before trusting anything. {@link #toString()} never shows personal data.
 */
public final class MrzDocument {
    private final MrzFormat format;
    private final List<String> lines;
    private final String documentCode;
    private final String issuingState;
    private final String documentNumber;
    private final String nationality;
    private final String dateOfBirth;
    private final String sex;
    private final String dateOfExpiry;
    private final String primaryIdentifier;
    private final String secondaryIdentifier;
    private final String optionalData;
    private final String optionalData2;
    private final Map<String, String> checkDigits;
    private final Set<MrzCheck> failingChecks;

    MrzDocument(
            MrzFormat format, List<String> lines, String[] f, Map<String, String> checkDigits, Set<MrzCheck> failing) {
        this.format = format;
        this.lines = Collections.unmodifiableList(lines);
        this.documentCode = f[0];
        this.issuingState = f[1];
        this.documentNumber = f[2];
        this.nationality = f[3];
        this.dateOfBirth = f[4];
        this.sex = f[5];
        this.dateOfExpiry = f[6];
        this.primaryIdentifier = f[7];
        this.secondaryIdentifier = f[8];
        this.optionalData = f[9];
        this.optionalData2 = f[10];
        this.checkDigits = Collections.unmodifiableMap(new LinkedHashMap<>(checkDigits));
        this.failingChecks = failing.isEmpty()
                ? Collections.<MrzCheck>emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(failing));
    }

    /** The recognised layout. */
    public MrzFormat format() {
        return format;
    }

    /** The MRZ lines as read. */
    public List<String> lines() {
        return lines;
    }

    /** Document code without trailing filler ({@code P}, {@code I}, {@code ID}, {@code V}...). */
    public String documentCode() {
        return documentCode;
    }

    /** Issuing state or organisation (three letters, or fewer for e.g. Germany's {@code D}). */
    public String issuingState() {
        return issuingState;
    }

    /** The full document number (an extended number includes its overflow). */
    public String documentNumber() {
        return documentNumber;
    }

    /** Nationality of the holder. */
    public String nationality() {
        return nationality;
    }

    /** Date of birth, {@code YYMMDD} as printed. */
    public String dateOfBirth() {
        return dateOfBirth;
    }

    /** {@code M}, {@code F} or {@code <} as printed. */
    public String sex() {
        return sex;
    }

    /** Date of expiry, {@code YYMMDD} as printed. */
    public String dateOfExpiry() {
        return dateOfExpiry;
    }

    /** Surname part of the name (before the first {@code <<}); may be empty. */
    public String primaryIdentifier() {
        return primaryIdentifier;
    }

    /** Given names (after the first {@code <<}); may be empty. */
    public String secondaryIdentifier() {
        return secondaryIdentifier;
    }

    /** Optional data (TD3: personal number), inner fillers kept, trailing fillers removed. */
    public String optionalData() {
        return optionalData;
    }

    /** TD1 line 2 optional data; empty for other layouts. */
    public String optionalData2() {
        return optionalData2;
    }

    /**
     * Check digit characters as printed, keyed {@code documentNumber}, {@code dateOfBirth},
     * {@code dateOfExpiry}, {@code optionalData} (TD3) and {@code composite} (not visas).
     */
    public Map<String, String> checkDigits() {
        return checkDigits;
    }

    /** Every check that fails; empty when the MRZ is valid. */
    public Set<MrzCheck> failingChecks() {
        return failingChecks;
    }

    /** True when every check passes. */
    public boolean isValid() {
        return failingChecks.isEmpty();
    }

    @Override
    public String toString() {
        return "MrzDocument{" + format + ", code=" + documentCode + ", state=" + issuingState + ", valid=" + isValid()
                + (isValid() ? "" : ", failing=" + failingChecks) + "}";
    }
}
