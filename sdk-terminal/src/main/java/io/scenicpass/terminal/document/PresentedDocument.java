package io.scenicpass.terminal.document;

import io.scenicpass.core.DocumentType;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An identity document shown at the gate, as the rules need it: type, number (for the holder binding) and the date
 * of birth when the document carries one (a CN ID number does; an MRZ does; a bare passport number does not).
 * {@link #toString()} never shows the number: it is personal data.
 */
public final class PresentedDocument {
    private final DocumentType type;
    private final String number;
    private final LocalDate birthDate;

    private PresentedDocument(DocumentType type, String number, LocalDate birthDate) {
        this.type = Objects.requireNonNull(type, "type");
        this.number = Objects.requireNonNull(number, "number");
        this.birthDate = birthDate;
    }

    /**
     * @param type the document type
     * @param number the document number
     * @param birthDate the holder's date of birth; null when unknown (for {@code CN_ID} it is then read from the
     *     number if the number is a valid GB 11643 one)
     * @return the document
     */
    public static PresentedDocument of(DocumentType type, String number, LocalDate birthDate) {
        LocalDate born = birthDate;
        if (born == null && type == DocumentType.CN_ID) {
            born = cnIdBirthDate(number);
        }
        return new PresentedDocument(type, number, born);
    }

    /**
     * A travel document read from its MRZ: {@code P…} is a passport, {@code CR} the Hong Kong/Macao residents'
     * mainland travel permit, {@code CT} the Taiwan residents' one, anything else {@code OTHER}.
     *
     * @param mrz the parsed MRZ
     * @param today the gate's date, to place the two-digit birth year in its century (never in the future)
     * @return the document
     */
    public static PresentedDocument fromMrz(MrzDocument mrz, LocalDate today) {
        return new PresentedDocument(
                typeOfMrz(mrz.documentCode()), mrz.documentNumber(), mrzDate(mrz.dateOfBirth(), today));
    }

    /** @param code an MRZ document code @return the document type it stands for */
    public static DocumentType typeOfMrz(String code) {
        String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
        if (c.startsWith("P")) {
            return DocumentType.PASSPORT;
        }
        if (c.equals("CR")) {
            return DocumentType.HK_MO_PERMIT;
        }
        if (c.equals("CT")) {
            return DocumentType.TW_PERMIT;
        }
        return DocumentType.OTHER;
    }

    /** @return the document type */
    public DocumentType type() {
        return type;
    }

    /** @return the document number as presented */
    public String number() {
        return number;
    }

    /** @return the holder's date of birth, if the document carries one */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** @param day the visit day @return the holder's age in whole years on that day, if the birth date is known */
    public OptionalInt ageOn(LocalDate day) {
        return birthDate == null || birthDate.isAfter(day)
                ? OptionalInt.empty()
                : OptionalInt.of(Period.between(birthDate, day).getYears());
    }

    @Override
    public String toString() {
        return "PresentedDocument{" + type + (birthDate == null ? "" : ", with birth date") + "}";
    }

    private static LocalDate cnIdBirthDate(String number) {
        try {
            return ChineseIdNumber.parse(io.scenicpass.core.HolderBinding.normalise(number), LocalDate.MAX)
                    .birthDate();
        } catch (DocumentException e) {
            return null; // not a valid number: no age can be read from it
        }
    }

    /** YYMMDD in the latest century that does not put it after {@code today}; null when not a date. */
    private static LocalDate mrzDate(String yymmdd, LocalDate today) {
        if (yymmdd == null || !yymmdd.matches("\\d{6}")) {
            return null;
        }
        try {
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            LocalDate d = LocalDate.of(
                    today.getYear() / 100 * 100 + yy,
                    Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
            return d.isAfter(today) ? d.minusYears(100) : d;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
