package io.scenicpass.server.questions;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/** What an answer to each OCTO input type may be; a bad answer is a BAD_REQUEST naming the question (not the value). */
public final class AnswerRules {
    /** OCTO's input types: HTML input types, and select / textarea. */
    public static final Set<String> INPUT_TYPES = Set.of(
            "date", "datetime-local", "email", "file", "number", "tel", "text", "time", "url", "select", "textarea");
    /** Longest answer, in characters (a textarea's). */
    public static final int MAX_LENGTH = 1000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TEL = Pattern.compile("\\+?[0-9 ()\\-]{3,32}");

    private AnswerRules() {}

    /** Refuses a value {@code q} cannot take (the value itself is never echoed: it may be personal data). */
    public static void check(Question q, String value) {
        if (value.length() > MAX_LENGTH) {
            throw bad(q, "is longer than " + MAX_LENGTH + " characters");
        }
        switch (q.inputType()) {
            case "select" -> {
                if (q.selectOptions().stream().noneMatch(o -> o.value().equals(value))) {
                    throw bad(q, "must be one of its selectOptions' values");
                }
            }
            case "date" -> parse(q, () -> LocalDate.parse(value), "a date YYYY-MM-DD");
            case "datetime-local" -> parse(q, () -> LocalDateTime.parse(value), "a local date-time YYYY-MM-DDThh:mm");
            case "time" -> parse(q, () -> LocalTime.parse(value), "a time hh:mm");
            case "number" -> parse(q, () -> new BigDecimal(value.trim()), "a number");
            case "email" -> {
                if (!EMAIL.matcher(value).matches()) {
                    throw bad(q, "must be an e-mail address");
                }
            }
            case "tel" -> {
                if (!TEL.matcher(value).matches()) {
                    throw bad(q, "must be a telephone number");
                }
            }
            case "url" ->
                parse(
                        q,
                        () -> {
                            String s = URI.create(value).getScheme();
                            if (!"https".equalsIgnoreCase(s) && !"http".equalsIgnoreCase(s)) {
                                throw new IllegalArgumentException("scheme");
                            }
                            return s;
                        },
                        "an http(s) URL");
            default -> {
                // text, textarea, file: any text within the length bound
            }
        }
    }

    private static void parse(Question q, java.util.function.Supplier<Object> parse, String what) {
        try {
            parse.get();
        } catch (DateTimeParseException | IllegalArgumentException e) { // NumberFormatException is one too
            throw bad(q, "must be " + what);
        }
    }

    private static ServiceException bad(Question q, String why) {
        return new ServiceException(Problem.BAD_REQUEST, "the answer to question " + q.id() + " " + why);
    }
}
