package io.scenicpass.server.content;

import java.util.List;
import java.util.Locale;

/**
 * Picks the language of an answer from a request's {@code Accept-Language} (RFC 4647 ranges with q-values) among the
 * languages content exists in: by preference, the first language equal to a range, else one the range is a prefix of
 * ({@code zh} → {@code zh-CN}), else one that is a prefix of the range ({@code en-US} → {@code en}). Nothing matching,
 * {@code *}, no header or an unreadable one: the fallback.
 */
public final class Languages {
    private Languages() {}

    /** The language to answer in; {@code available} in their order of precedence, {@code fallback} when none fits. */
    public static String choose(String acceptLanguage, List<String> available, String fallback) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || available.isEmpty()) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage); // sorted by weight, q=0 left out
        } catch (IllegalArgumentException e) {
            return fallback; // a preference, not a requirement: an unreadable one is no preference
        }
        for (Locale.LanguageRange r : ranges) {
            String range = r.getRange();
            if (range.equals("*")) {
                return fallback;
            }
            String match = match(range, available);
            if (match != null) {
                return match;
            }
        }
        return fallback;
    }

    private static String match(String range, List<String> available) {
        for (String tag : available) {
            if (tag.equalsIgnoreCase(range)) {
                return tag;
            }
        }
        for (String tag : available) {
            if (tag.toLowerCase(Locale.ROOT).startsWith(range + "-")) {
                return tag;
            }
        }
        for (String tag : available) {
            if (range.startsWith(tag.toLowerCase(Locale.ROOT) + "-")) {
                return tag;
            }
        }
        return null;
    }
}
