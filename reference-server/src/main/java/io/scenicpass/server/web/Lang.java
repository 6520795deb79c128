package io.scenicpass.server.web;

import java.util.Locale;

/** The two languages of the pages: {@code zh-CN} (the default) and {@code en}. */
public final class Lang {
    public static final String ZH = "zh-CN";
    public static final String EN = "en";

    private Lang() {}

    /** {@code zh-CN} or {@code en} from a {@code ?lang=} value or a stored one; null when it names neither. */
    public static String parse(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String g = given.trim().toLowerCase(Locale.ROOT);
        if (g.startsWith("en")) {
            return EN;
        }
        if (g.startsWith("zh")) {
            return ZH;
        }
        return null;
    }

    /** The first of zh or en an {@code Accept-Language} header prefers (by q-value); zh-CN when it names neither. */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ZH;
        }
        String best = ZH;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] p = part.trim().split(";");
            String l = parse(p[0]);
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String a = p[i].trim();
                if (a.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(a.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (l != null && q > bestQ) {
                best = l;
                bestQ = q;
            }
        }
        return best;
    }

    /** The other language (the switch link). */
    public static String other(String lang) {
        return EN.equals(lang) ? ZH : EN;
    }
}
