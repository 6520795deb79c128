package io.scenicpass.server.visitors;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hub's settings ({@code visitors.*}): {@code retentionMonths} (facts older are erased by the daily job, default
 * 24), {@code cultureMinutes} (the culture tag's dwell in a museum zone, default 45), {@code consentChannels}
 * (channels whose contract says their contacts agreed to marketing, comma-separated, default none),
 * {@code feedSeconds} (how often the feed reads new bookings and entries, default 5), {@code currency} (the
 * receipts' currency, default CNY).
 */
public record VisitorSettings(
        int retentionMonths, int cultureMinutes, Set<String> consentChannels, Duration feedEvery, String currency) {

    public static VisitorSettings of(Map<String, String> given) {
        int retention = positive(given, "visitors.retentionMonths", "24");
        int culture = positive(given, "visitors.cultureMinutes", "45");
        Set<String> consent = Arrays.stream(
                        given.getOrDefault("visitors.consentChannels", "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        int feed = positive(given, "visitors.feedSeconds", "5");
        String currency = given.getOrDefault("visitors.currency", "CNY").strip();
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("visitors.currency must be an ISO 4217 code such as CNY");
        }
        return new VisitorSettings(retention, culture, consent, Duration.ofSeconds(feed), currency);
    }

    private static int positive(Map<String, String> given, String name, String fallback) {
        String v = given.getOrDefault(name, fallback).strip();
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + v + "'");
    }
}
