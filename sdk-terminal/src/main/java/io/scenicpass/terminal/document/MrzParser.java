package io.scenicpass.terminal.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ICAO Doc 9303 MRZ parser for TD1, TD2, TD3, MRV-A and MRV-B, with every check digit, the composite
 * check, calendar dates and character classes.
 *
 * <p>Extended document numbers (a {@code <} in the check-digit position; the number continues in the
 * optional data followed by its own check digit): issuers compute that digit either over the number
 * without the filler (ICAO 9303-11 D.2) or with it. The default parser is <em>lenient</em> and accepts
 * either; {@link #strict()} accepts only the ICAO computation.
 *
 * <pre>{@code
 * MrzDocument doc = MrzParser.lenient().parse(lines);
 * if (doc.isValid()) { ... doc.documentNumber() ... }
 * }</pre>
 */
public final class MrzParser {
    private static final MrzParser LENIENT = new MrzParser(true);
    private static final MrzParser STRICT = new MrzParser(false);

    private final boolean lenientExtendedNumber;

    private MrzParser(boolean lenientExtendedNumber) {
        this.lenientExtendedNumber = lenientExtendedNumber;
    }

    /** Parser accepting both computations of an extended document number's check digit (default). */
    public static MrzParser lenient() {
        return LENIENT;
    }

    /** Parser accepting only the ICAO 9303-11 computation (filler excluded). */
    public static MrzParser strict() {
        return STRICT;
    }

    /**
     * Parses MRZ text: lines separated by line breaks; blank lines and surrounding spaces are ignored.
     *
     * @throws DocumentException {@link DocumentErrorCode#MRZ_LAYOUT} if the lines match no layout
     */
    public MrzDocument parse(String text) {
        if (text == null) {
            throw new DocumentException(DocumentErrorCode.MRZ_LAYOUT, "no MRZ text");
        }
        return parse(java.util.Arrays.asList(text.split("\\r?\\n|\\r")));
    }

    /**
     * Parses MRZ lines (2 or 3). Blank lines and surrounding spaces are ignored.
     *
     * @throws DocumentException {@link DocumentErrorCode#MRZ_LAYOUT} if the lines match no layout
     */
    public MrzDocument parse(List<String> rawLines) {
        List<String> lines = new ArrayList<>();
        if (rawLines != null) {
            for (String l : rawLines) {
                if (l != null && !l.trim().isEmpty()) {
                    lines.add(l.trim());
                }
            }
        }
        MrzFormat format = detect(lines);
        if (format == null) {
            throw new DocumentException(
                    DocumentErrorCode.MRZ_LAYOUT, "MRZ has " + lines.size() + " line(s) of lengths " + lengths(lines));
        }
        return new Parse(format, lines, lenientExtendedNumber).run();
    }

    /**
     * Parses and insists on validity.
     *
     * @throws DocumentException {@code MRZ_LAYOUT} or {@code MRZ_INVALID} (the message lists the checks)
     */
    public MrzDocument parseValid(List<String> lines) {
        MrzDocument doc = parse(lines);
        if (!doc.isValid()) {
            StringBuilder sb = new StringBuilder("failing checks:");
            for (MrzCheck c : doc.failingChecks()) {
                sb.append(' ').append(c.id());
            }
            throw new DocumentException(DocumentErrorCode.MRZ_INVALID, sb.toString());
        }
        return doc;
    }

    /**
     * The ICAO 9303-3 check digit (weights 7-3-1; digits at face value, A=10..Z=35, {@code <}=0).
     *
     * @return 0..9, or -1 if the input holds a character outside {@code A-Z 0-9 <}
     */
    public static int checkDigit(CharSequence s) {
        int sum = 0;
        int[] weights = {7, 3, 1};
        for (int i = 0; i < s.length(); i++) {
            int v = value(s.charAt(i));
            if (v < 0) {
                return -1;
            }
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }

    private static MrzFormat detect(List<String> lines) {
        if (lines.size() == 3 && allLength(lines, 30)) {
            return MrzFormat.TD1;
        }
        if (lines.size() == 2 && allLength(lines, 36)) {
            return lines.get(0).charAt(0) == 'V' ? MrzFormat.MRVB : MrzFormat.TD2;
        }
        if (lines.size() == 2 && allLength(lines, 44)) {
            return lines.get(0).charAt(0) == 'V' ? MrzFormat.MRVA : MrzFormat.TD3;
        }
        return null;
    }

    private static boolean allLength(List<String> lines, int n) {
        for (String l : lines) {
            if (l.length() != n) {
                return false;
            }
        }
        return true;
    }

    private static String lengths(List<String> lines) {
        List<Integer> l = new ArrayList<>();
        for (String s : lines) {
            l.add(s.length());
        }
        return l.toString();
    }

    /** One parse run; keeps the intermediate state out of the public class. */
    private static final class Parse {
        private final MrzFormat format;
        private final List<String> lines;
        private final boolean lenient;
        private final Set<MrzCheck> failing = EnumSet.noneOf(MrzCheck.class);
        private final Map<String, String> digits = new LinkedHashMap<>();

        Parse(MrzFormat format, List<String> lines, boolean lenient) {
            this.format = format;
            this.lines = lines;
            this.lenient = lenient;
        }

        MrzDocument run() {
            for (String l : lines) {
                for (int i = 0; i < l.length(); i++) {
                    if (value(l.charAt(i)) < 0) {
                        failing.add(MrzCheck.CHARACTERS);
                    }
                }
            }
            String l1 = lines.get(0);
            String l2 = lines.get(1);
            String code = trimFillers(l1.substring(0, 2));
            String state = trimFillers(l1.substring(2, 5));
            String docField;
            char docCd;
            String optionalRaw;
            String nameField;
            String l2Block; // the 15 characters dob+cd+sex+expiry+cd+nationality
            String optional2 = "";
            if (format == MrzFormat.TD1) {
                docField = l1.substring(5, 14);
                docCd = l1.charAt(14);
                optionalRaw = l1.substring(15, 30);
                l2Block = l2.substring(0, 18);
                optional2 = trimFillers(l2.substring(18, 29));
                nameField = lines.get(2);
            } else {
                docField = l2.substring(0, 9);
                docCd = l2.charAt(9);
                l2Block = l2.substring(13, 28) + l2.substring(10, 13);
                nameField = l1.substring(5);
                if (format == MrzFormat.TD3) {
                    optionalRaw = l2.substring(28, 42);
                } else if (format == MrzFormat.TD2) {
                    optionalRaw = l2.substring(28, 35);
                } else {
                    optionalRaw = l2.substring(28);
                }
            }
            String dob = l2Block.substring(0, 6);
            String sex = l2Block.substring(7, 8);
            String expiry = l2Block.substring(8, 14);
            String nationality = trimFillers(l2Block.substring(15, 18));

            String documentNumber;
            String optional;
            if (docCd == '<' && !format.isVisa()) {
                String[] ext = extended(docField, optionalRaw);
                documentNumber = ext[0];
                optional = ext[1];
            } else {
                documentNumber = trimFillers(docField);
                digits.put("documentNumber", String.valueOf(docCd));
                check(docField, docCd, MrzCheck.DOCUMENT_NUMBER_CHECK_DIGIT, false);
                optional = trimFillers(optionalRaw);
            }
            digits.put("dateOfBirth", String.valueOf(l2Block.charAt(6)));
            check(dob, l2Block.charAt(6), MrzCheck.DATE_OF_BIRTH_CHECK_DIGIT, false);
            digits.put("dateOfExpiry", String.valueOf(l2Block.charAt(14)));
            check(expiry, l2Block.charAt(14), MrzCheck.DATE_OF_EXPIRY_CHECK_DIGIT, false);
            calendar(dob, MrzCheck.DATE_OF_BIRTH_CALENDAR);
            calendar(expiry, MrzCheck.DATE_OF_EXPIRY_CALENDAR);
            if (format == MrzFormat.TD3) {
                digits.put("optionalData", String.valueOf(l2.charAt(42)));
                check(optionalRaw, l2.charAt(42), MrzCheck.OPTIONAL_DATA_CHECK_DIGIT, true);
            }
            composite(l1, l2);
            if (hasDigit(state) || hasDigit(nationality)) {
                failing.add(MrzCheck.STATE_CHARACTERS);
            }
            if (hasDigit(nameField)) {
                failing.add(MrzCheck.NAME_CHARACTERS);
            }
            String[] names = names(nameField);
            String[] fields = {
                code, state, documentNumber, nationality, dob, sex, expiry, names[0], names[1], optional, optional2
            };
            return new MrzDocument(format, lines, fields, digits, failing);
        }

        /** Extended number: returns {number, remaining optional data}; records its check digit. */
        private String[] extended(String docField, String optionalRaw) {
            int end = optionalRaw.indexOf('<');
            String run = end < 0 ? optionalRaw : optionalRaw.substring(0, end);
            if (run.isEmpty()) {
                digits.put("documentNumber", "<");
                failing.add(MrzCheck.DOCUMENT_NUMBER_CHECK_DIGIT);
                return new String[] {trimFillers(docField), trimFillers(optionalRaw)};
            }
            String overflow = run.substring(0, run.length() - 1);
            char cd = run.charAt(run.length() - 1);
            digits.put("documentNumber", String.valueOf(cd));
            String number = docField + overflow;
            boolean ok = matches(number, cd, false);
            if (!ok && lenient) {
                ok = matches(docField + "<" + overflow, cd, false);
            }
            if (!ok) {
                failing.add(MrzCheck.DOCUMENT_NUMBER_CHECK_DIGIT);
            }
            String rest = end < 0 ? "" : optionalRaw.substring(end + 1);
            return new String[] {trimFillers(number), trimFillers(rest)};
        }

        private void composite(String l1, String l2) {
            String data;
            char cd;
            switch (format) {
                case TD1:
                    data = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
                    cd = l2.charAt(29);
                    break;
                case TD2:
                    data = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35);
                    cd = l2.charAt(35);
                    break;
                case TD3:
                    data = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43);
                    cd = l2.charAt(43);
                    break;
                default:
                    return; // visas carry no composite check digit
            }
            digits.put("composite", String.valueOf(cd));
            check(data, cd, MrzCheck.COMPOSITE_CHECK_DIGIT, false);
        }

        private void check(String data, char printed, MrzCheck which, boolean fillerAllowedWhenEmpty) {
            if (!matches(data, printed, fillerAllowedWhenEmpty)) {
                failing.add(which);
            }
        }

        private static boolean matches(String data, char printed, boolean fillerAllowedWhenEmpty) {
            int expected = checkDigit(data);
            if (expected < 0) {
                return false;
            }
            if (printed == '<') {
                return fillerAllowedWhenEmpty && trimFillers(data).isEmpty();
            }
            return printed >= '0' && printed <= '9' && printed - '0' == expected;
        }

        private void calendar(String yymmdd, MrzCheck which) {
            if (!isCalendarDate(yymmdd)) {
                failing.add(which);
            }
        }
    }

    /** YYMMDD is a real date in 19YY or 20YY. */
    static boolean isCalendarDate(String yymmdd) {
        for (int i = 0; i < 6; i++) {
            char c = yymmdd.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        return realDate(1900 + yy, mm, dd) || realDate(2000 + yy, mm, dd);
    }

    private static boolean realDate(int y, int m, int d) {
        try {
            LocalDate.of(y, m, d);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String trimFillers(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '<') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Splits the name field at the first {@code <<}; single fillers become spaces. */
    private static String[] names(String field) {
        String f = trimFillers(field);
        int split = f.indexOf("<<");
        String primary = split < 0 ? f : f.substring(0, split);
        String secondary = split < 0 ? "" : f.substring(split + 2);
        return new String[] {spaces(primary), spaces(secondary)};
    }

    private static String spaces(String s) {
        return s.replaceAll("<+", " ").trim().toUpperCase(Locale.ROOT);
    }
}
