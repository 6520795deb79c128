package io.scenicpass.server.shop.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a visitor signs in from: an email address or a mainland China mobile number, normalised. */
public record Address(Kind kind, String value) {
    public enum Kind {
        EMAIL,
        MOBILE
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    /** The address a visitor typed, normalised (email lower-cased; mobile without +86, spaces or dashes), or empty. */
    public static Optional<Address> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip();
        if (t.length() > 254) {
            return Optional.empty();
        }
        if (t.contains("@")) {
            String e = t.toLowerCase(Locale.ROOT);
            return EMAIL.matcher(e).matches() ? Optional.of(new Address(Kind.EMAIL, e)) : Optional.empty();
        }
        String m = t.replaceAll("[\\s-]", "");
        if (m.startsWith("+86")) {
            m = m.substring(3);
        } else if (m.startsWith("0086")) {
            m = m.substring(4);
        }
        return MOBILE.matcher(m).matches() ? Optional.of(new Address(Kind.MOBILE, m)) : Optional.empty();
    }

    /** Shown on pages and in logs: {@code z***@example.com}, {@code 138****5678}. */
    public String masked() {
        if (kind == Kind.MOBILE) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** The text the keyed hash is taken over (kind-prefixed, so no email and number can collide). */
    public String hashText() {
        return "shop-address:" + kind + ":" + value;
    }
}
