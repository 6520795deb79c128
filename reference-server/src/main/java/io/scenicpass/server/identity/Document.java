package io.scenicpass.server.identity;

import io.scenicpass.core.DocumentType;
import java.time.LocalDate;

/**
 * A validated identity document: the normalised number ({@code HolderBinding.normalise}), the holder's name, the
 * issuing country (passports) and the birth date where the number carries one (CN_ID), else null. {@link #toString()}
 * is masked, so a document can never reach a log in clear.
 */
public record Document(DocumentType type, String number, String name, String country, LocalDate birthDate) {
    /** The number masked for display: {@code 3301**********1234} (longer numbers keep 4 + 4, shorter 2 + 2). */
    public String maskedNumber() {
        return mask(number);
    }

    /** The name masked for display: its first character, the rest as stars. */
    public String maskedName() {
        if (name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }

    static String mask(String number) {
        int n = number.length();
        int keep = n >= 12 ? 4 : n >= 6 ? 2 : 0;
        return number.substring(0, keep) + "*".repeat(n - 2 * keep) + number.substring(n - keep);
    }

    @Override
    public String toString() {
        return "Document{" + type + " " + maskedNumber() + "}";
    }
}
