package io.scenicpass.server.identity;

import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.document.DocumentException;
import java.time.LocalDate;
import java.time.Period;
import java.util.regex.Pattern;

/**
 * Validates the documents channels send: CN_ID by GB 11643 (sdk-terminal's {@link ChineseIdNumber}: check character,
 * birth date, region), the others by plausible format; and a unit's age bounds on the visit date. Every error is a
 * typed 400/422 whose message names the unit item ({@code where}) and never repeats the number.
 */
public final class Documents {
    /** Longest name accepted (characters). */
    static final int NAME = 64;

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
    /** 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits (10 on older cards). */
    private static final Pattern HK_MO = Pattern.compile("[HM][0-9]{8}([0-9]{2})?");
    /** 台湾居民来往大陆通行证: 8 digits (10 on older cards). */
    private static final Pattern TW = Pattern.compile("[0-9]{8}([0-9]{2})?");
    /** 外国人永久居留身份证: 3 letters and 12 digits (2004 card), or 18 characters starting with 9 (2023 card). */
    private static final Pattern PR_OLD = Pattern.compile("[A-Z]{3}[0-9]{12}");

    private static final Pattern PR_NEW = Pattern.compile("9[0-9]{16}[0-9X]");

    private Documents() {}

    /**
     * The validated document, or BAD_REQUEST naming {@code where} (e.g. {@code unitItems[1].identity}); {@code today}
     * bounds a CN_ID birth date.
     */
    public static Document validate(IdentityInput in, String where, LocalDate today) {
        return validate(in, where, today, true);
    }

    /** {@link #validate(IdentityInput, String, LocalDate)}; without {@code nameRequired} a missing name is "". */
    public static Document validate(IdentityInput in, String where, LocalDate today, boolean nameRequired) {
        if (in == null) {
            throw bad(where + " is required");
        }
        DocumentType type = type(in.type(), where);
        if (in.number() == null || in.number().isBlank()) {
            throw bad(where + ".number is required");
        }
        if (in.number().length() > 40) {
            throw bad(where + ".number is too long for a " + type + " number");
        }
        String number = HolderBinding.normalise(in.number());
        String name = nameRequired || in.name() != null ? name(in.name(), where) : "";
        String country = in.country() == null || in.country().isBlank()
                ? null
                : in.country().trim().toUpperCase(java.util.Locale.ROOT);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw bad(where + ".country must be an ISO 3166 alpha-3 code such as FRA");
        }
        LocalDate birth = null;
        switch (type) {
            case CN_ID -> {
                try {
                    ChineseIdNumber id = ChineseIdNumber.parse(number, today);
                    number = id.number();
                    birth = id.birthDate();
                } catch (DocumentException e) {
                    throw bad(where + ".number is not a valid CN_ID number (" + e.code() + ")");
                }
            }
            case PASSPORT -> {
                format(number, PASSPORT, where, "5-9 letters and digits");
                if (country == null) {
                    throw bad(where + ".country (ISO 3166 alpha-3) is required for a PASSPORT");
                }
            }
            case HK_MO_PERMIT -> format(number, HK_MO, where, "H or M and 8 digits");
            case TW_PERMIT -> format(number, TW, where, "8 digits");
            case FOREIGNER_PR -> {
                if (PR_NEW.matcher(number).matches()) {
                    if (ChineseIdNumber.checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
                        throw bad(where + ".number has a wrong check character");
                    }
                } else {
                    format(number, PR_OLD, where, "3 letters and 12 digits, or 18 characters starting with 9");
                }
            }
            default -> throw bad(where + ".type " + type + " is not accepted");
        }
        return new Document(type, number, name, country, birth);
    }

    /**
     * Refuses (422) a holder whose age on {@code visit} is outside the unit's {@code minAge..maxAge} (whole years,
     * both inclusive). A document without a birth date cannot be checked here: the gate checks it.
     */
    public static void checkAge(Document d, Unit unit, LocalDate visit, String where) {
        if (d.birthDate() == null || unit.minAge() == null && unit.maxAge() == null) {
            return;
        }
        int age = Period.between(d.birthDate(), visit).getYears();
        boolean young = unit.minAge() != null && age < unit.minAge();
        boolean old = unit.maxAge() != null && age > unit.maxAge();
        if (young || old) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    where + ": the holder is " + age + " on " + visit + " but unit " + unit.id() + " is for ages "
                            + (unit.minAge() == null
                                    ? "up to " + unit.maxAge()
                                    : unit.maxAge() == null
                                            ? unit.minAge() + " and over"
                                            : unit.minAge() + " to " + unit.maxAge()),
                    unit.id());
        }
    }

    private static DocumentType type(String t, String where) {
        if (t == null) {
            throw bad(where + ".type is required");
        }
        try {
            DocumentType type = DocumentType.valueOf(t.trim());
            if (type != DocumentType.OTHER) {
                return type;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw bad(where + ".type must be one of CN_ID, PASSPORT, HK_MO_PERMIT, TW_PERMIT, FOREIGNER_PR");
    }

    private static String name(String name, String where) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw bad(where + ".name is required (the name on the document)");
        }
        if (n.codePointCount(0, n.length()) > NAME || n.codePoints().anyMatch(Character::isISOControl)) {
            throw bad(where + ".name must be at most " + NAME + " characters without control characters");
        }
        return n;
    }

    private static void format(String number, Pattern p, String where, String expected) {
        if (!p.matcher(number).matches()) {
            throw bad(where + ".number is not a plausible number for this type (" + expected + ")");
        }
    }

    private static ServiceException bad(String message) {
        return new ServiceException(Problem.BAD_REQUEST, message);
    }
}
