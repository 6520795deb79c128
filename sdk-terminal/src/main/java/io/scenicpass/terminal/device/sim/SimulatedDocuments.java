package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.document.MrzParser;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Machine-readable zones for simulated travel documents (tests, demos, {@code ./scenicpass gate}): two 44-character
 * lines (ICAO 9303 TD3 layout) with correct check digits, for a passport ({@code P}) or a mainland travel permit
 * ({@code CR} Hong Kong/Macao, {@code CT} Taiwan residents).
 */
public final class SimulatedDocuments {
    private SimulatedDocuments() {}

    /**
     * @param documentCode {@code P}, {@code CR} or {@code CT}
     * @param issuingState three letters, e.g. {@code GBR} or {@code CHN}
     * @param number the document number (up to 9 letters and digits)
     * @param birthDate the holder's date of birth
     * @param surname the holder's surname (letters)
     * @return the two MRZ lines
     * @throws IllegalArgumentException when the number does not fit the MRZ's number field or no birth date is given
     */
    public static List<String> mrz(
            String documentCode, String issuingState, String number, LocalDate birthDate, String surname) {
        if (birthDate == null) {
            throw new IllegalArgumentException("a travel document's MRZ needs a date of birth (NUMBER/YYYY-MM-DD)");
        }
        if (!number.matches("[A-Za-z0-9]{1,9}")) {
            throw new IllegalArgumentException("a document number has 1 to 9 letters and digits");
        }
        String line1 = pad(documentCode + "<", 2) + issuingState + surname.toUpperCase(Locale.ROOT) + "<<TEST";
        String num = pad(number.toUpperCase(Locale.ROOT), 9);
        String dob = yymmdd(birthDate);
        String expiry = yymmdd(LocalDate.of(2099, 12, 31));
        String optional = pad("", 14);
        String body = num + MrzParser.checkDigit(num) + issuingState + dob + MrzParser.checkDigit(dob) + "<" + expiry
                + MrzParser.checkDigit(expiry) + optional + MrzParser.checkDigit(optional);
        String composite = body.substring(0, 10) + body.substring(13, 20) + body.substring(21, 43);
        return Arrays.asList(pad(line1, 44), body + MrzParser.checkDigit(composite));
    }

    private static String yymmdd(LocalDate d) {
        return String.format(Locale.ROOT, "%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
    }

    private static String pad(String s, int length) {
        StringBuilder b = new StringBuilder(s.length() > length ? s.substring(0, length) : s);
        while (b.length() < length) {
            b.append('<');
        }
        return b.toString();
    }
}
