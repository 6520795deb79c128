package io.scenicpass.server.park;

import java.time.Instant;
import java.time.LocalDate;

/** A notice of the park to its visitors, shown on the visit days {@code from..until} (inclusive). */
public record Notice(
        long id,
        Kind kind,
        Severity severity,
        String titleZh,
        String titleEn,
        String bodyZh,
        String bodyEn,
        LocalDate from,
        LocalDate until,
        Instant createdAt) {

    public enum Kind {
        PARKING,
        TRANSPORT,
        WEATHER,
        GENERAL
    }

    /** INFO: good to know; WARNING: plan for it; SEVERE: it changes the visit (closures, storms). */
    public enum Severity {
        INFO,
        WARNING,
        SEVERE
    }

    public String title(String lang) {
        return "en".equals(lang) ? titleEn : titleZh;
    }

    public String body(String lang) {
        return "en".equals(lang) ? bodyEn : bodyZh;
    }
}
