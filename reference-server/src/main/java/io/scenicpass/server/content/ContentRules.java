package io.scenicpass.server.content;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks content against OCTO's rules (the enums and required fields of @octocloud/types 2.0) and fills what OCTO
 * requires present: null lists become empty, a place's missing address and identifiers all-null objects. Every
 * refusal is BAD_REQUEST naming the field.
 */
public final class ContentRules {
    public static final Set<String> FEATURE_TYPES = Set.of(
            "INCLUSION",
            "EXCLUSION",
            "HIGHLIGHT",
            "PREBOOKING_INFORMATION",
            "PREARRIVAL_INFORMATION",
            "REDEMPTION_INSTRUCTION",
            "ACCESSIBILITY_INFORMATION",
            "ADDITIONAL_INFORMATION",
            "BOOKING_TERM",
            "CANCELLATION_TERM");
    public static final Set<String> MEDIA_TYPES =
            Set.of("image/jpeg", "image/png", "video/mp4", "video/avi", "external/youtube", "external/vimeo");
    public static final Set<String> MEDIA_RELS = Set.of("LOGO", "COVER", "GALLERY");
    public static final Set<String> LOCATION_TYPES =
            Set.of("START", "ITINERARY_ITEM", "POINT_OF_INTEREST", "ADMISSION_INCLUDED", "END", "REDEMPTION");
    public static final Set<String> COMMENTARY_FORMATS = Set.of("IN_PERSON", "RECORDED_AUDIO", "WRITTEN", "OTHER");
    public static final Set<String> CATEGORY_LABELS = Set.of(
            "multi-day",
            "city-cards",
            "adults-only",
            "animals",
            "audio-guide",
            "beaches",
            "bike-tours",
            "boat-tours",
            "classes",
            "day-trips",
            "family-friendly",
            "fast-track",
            "food",
            "guided-tours",
            "history",
            "hop-on-hop-off",
            "literature",
            "live-music",
            "museums",
            "nightlife",
            "outdoors",
            "private-tours",
            "romantic",
            "recurring-events",
            "self-guided",
            "small-group-tours",
            "sports",
            "theme-parks",
            "walking-tours",
            "wheelchair-accessible",
            "accommodation-included",
            "trip-difficulty-easy",
            "trip-difficulty-medium",
            "trip-difficulty-hard");
    /** Most entries of one list (features, FAQs, media…). */
    static final int MAX_ITEMS = 50;

    static final int MAX_TITLE = 200;
    static final int MAX_SHORT = 1000;

    private ContentRules() {}

    /** The canonical form of a BCP 47 language tag ({@code zh-cn} → {@code zh-CN}), or BAD_REQUEST. */
    public static String locale(String tag) {
        if (tag == null || tag.length() > 35 || !tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw bad("locale must be a BCP 47 language tag such as zh-CN or en");
        }
        String canonical = Locale.forLanguageTag(tag).toLanguageTag();
        if (canonical.equals("und")) {
            throw bad("locale must be a BCP 47 language tag such as zh-CN or en");
        }
        return canonical;
    }

    /** A product's or option's content, checked and filled; {@code at} names it in messages. */
    static Texts.Product product(Texts.Product t, String at) {
        text(t.title(), at + "title", MAX_TITLE);
        text(t.shortDescription(), at + "shortDescription", MAX_SHORT);
        text(t.description(), at + "description", Integer.MAX_VALUE);
        Integer from = t.durationMinutesFrom();
        Integer to = t.durationMinutesTo();
        if (from != null) {
            Bounds.check(at + "durationMinutesFrom", from, 0, Bounds.MAX_CUTOFF_MINUTES);
        }
        if (to != null) {
            Bounds.check(at + "durationMinutesTo", to, from == null ? 0 : from, Bounds.MAX_CUTOFF_MINUTES);
        }
        return new Texts.Product(
                t.title(),
                t.shortDescription(),
                t.description(),
                features(t.features(), at),
                each(t.faqs(), at + "faqs", f -> {
                    require(f.question() != null && !f.question().isBlank(), at + "faqs[].question is required");
                    require(f.answer() != null && !f.answer().isBlank(), at + "faqs[].answer is required");
                    return f;
                }),
                each(t.media(), at + "media", m -> media(m, at)),
                each(t.locations(), at + "locations", l -> location(l, at)),
                each(
                        t.categoryLabels(),
                        at + "categoryLabels",
                        c -> oneOf(c, CATEGORY_LABELS, at + "categoryLabels[]")),
                from,
                to,
                each(t.commentary(), at + "commentary", c -> {
                    oneOf(c.format(), COMMENTARY_FORMATS, at + "commentary[].format");
                    return new Texts.Commentary(c.format(), locale(c.language()));
                }));
    }

    /** A unit's content, checked and filled. */
    static Texts.Unit unit(Texts.Unit t, String at) {
        text(t.title(), at + "title", MAX_TITLE);
        text(t.shortDescription(), at + "shortDescription", MAX_SHORT);
        return new Texts.Unit(t.title(), t.shortDescription(), features(t.features(), at));
    }

    private static List<Texts.Feature> features(List<Texts.Feature> list, String at) {
        return each(list, at + "features", f -> {
            oneOf(f.type(), FEATURE_TYPES, at + "features[].type");
            require(
                    f.shortDescription() != null && !f.shortDescription().isBlank(),
                    at + "features[].shortDescription is required");
            text(f.shortDescription(), at + "features[].shortDescription", MAX_SHORT);
            return f;
        });
    }

    private static Texts.Media media(Texts.Media m, String at) {
        String src = m.src();
        require(
                src != null && (src.matches("https?://[^\\s]+") || src.matches("/[^\\s/][^\\s]*")),
                at + "media[].src must be an http(s) URL or a path on this server such as /media/cover.png");
        oneOf(m.type(), MEDIA_TYPES, at + "media[].type");
        oneOf(m.rel(), MEDIA_RELS, at + "media[].rel");
        text(m.title(), at + "media[].title", MAX_TITLE);
        text(m.caption(), at + "media[].caption", MAX_SHORT);
        text(m.copyright(), at + "media[].copyright", MAX_TITLE);
        return m;
    }

    private static Texts.Location location(Texts.Location l, String at) {
        text(l.title(), at + "locations[].title", MAX_TITLE);
        text(l.shortDescription(), at + "locations[].shortDescription", MAX_SHORT);
        List<String> types =
                each(l.types(), at + "locations[].types", t -> oneOf(t, LOCATION_TYPES, at + "locations[].types[]"));
        require(!types.isEmpty(), at + "locations[].types needs at least one type");
        if (l.minutesTo() != null) {
            Bounds.check(at + "locations[].minutesTo", l.minutesTo(), 0, Bounds.MAX_CUTOFF_MINUTES);
        }
        if (l.minutesAt() != null) {
            Bounds.check(at + "locations[].minutesAt", l.minutesAt(), 0, Bounds.MAX_CUTOFF_MINUTES);
        }
        Texts.Place p = l.place();
        require(
                p != null && p.latitude() != null && p.longitude() != null,
                at + "locations[].place with latitude and longitude is required");
        require(
                Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180,
                at + "locations[].place is not on Earth");
        Texts.PostalAddress a = p.postalAddress() != null
                ? p.postalAddress()
                : new Texts.PostalAddress(null, null, null, null, null, null);
        Texts.Identifiers ids = p.identifiers() != null
                ? p.identifiers()
                : new Texts.Identifiers(null, null, null, null, null, null, null, null);
        List<String> sameAs = each(p.sameAs(), at + "locations[].place.sameAs", s -> {
            require(s != null && s.matches("https?://[^\\s]+"), at + "locations[].place.sameAs holds URLs");
            return s;
        });
        return new Texts.Location(
                l.title(),
                l.shortDescription(),
                types,
                l.minutesTo(),
                l.minutesAt(),
                new Texts.Place(p.latitude(), p.longitude(), a, ids, sameAs));
    }

    /** {@code list} (null: empty) with each entry checked; nulls and more than {@link #MAX_ITEMS} refused. */
    private static <T> List<T> each(List<T> list, String field, UnaryOperator<T> check) {
        if (list == null) {
            return List.of();
        }
        require(list.size() <= MAX_ITEMS, field + " holds at most " + MAX_ITEMS + " entries");
        List<T> out = new ArrayList<>();
        for (T t : list) {
            require(t != null, field + " must not contain null");
            out.add(check.apply(t));
        }
        return out;
    }

    private static String oneOf(String v, Set<String> allowed, String field) {
        require(v != null && allowed.contains(v), field + " must be one of " + new java.util.TreeSet<>(allowed));
        return v;
    }

    private static void text(String v, String field, int max) {
        require(v == null || v.length() <= max, field + " is longer than " + max + " characters");
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw bad(message);
        }
    }

    private static ServiceException bad(String message) {
        return new ServiceException(Problem.BAD_REQUEST, message);
    }
}
