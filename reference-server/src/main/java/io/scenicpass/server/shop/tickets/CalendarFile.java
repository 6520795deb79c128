package io.scenicpass.server.shop.tickets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An order as an iCalendar file (RFC 5545): one VEVENT for the visit, its times in the park's time zone (TZID with a
 * VTIMEZONE when the zone keeps one offset from the visit on, as China's; UTC times otherwise, which every calendar reads right), lines
 * folded at 75 octets with CRLF, text escaped.
 */
public final class CalendarFile {
    /** What the event says: a stable uid (the same order updates the same event), when, what, where to look. */
    public record Visit(
            String uid, Instant start, Instant end, ZoneId zone, String summary, String description, String url) {}

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private CalendarFile() {}

    /** The file's text; {@code now} is its DTSTAMP. */
    public static String of(Visit v, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//ScenicPass//Shop tickets//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        // a zone without transitions from the visit on (China's: none since 1991) is written as one fixed offset
        ZoneOffset fixed = v.zone().getRules().nextTransition(v.start()) == null
                ? v.zone().getRules().getOffset(v.start())
                : null;
        if (fixed != null) {
            String offset = offset(fixed);
            line(out, "BEGIN:VTIMEZONE");
            line(out, "TZID:" + v.zone().getId());
            line(out, "BEGIN:STANDARD");
            line(out, "DTSTART:19700101T000000");
            line(out, "TZOFFSETFROM:" + offset);
            line(out, "TZOFFSETTO:" + offset);
            line(out, "END:STANDARD");
            line(out, "END:VTIMEZONE");
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(v.uid()));
        line(out, "DTSTAMP:" + UTC.format(now.atOffset(ZoneOffset.UTC)));
        line(out, "DTSTART" + time(v.start(), v.zone(), fixed != null));
        line(out, "DTEND" + time(v.end(), v.zone(), fixed != null));
        line(out, "SUMMARY:" + text(v.summary()));
        if (v.description() != null) {
            line(out, "DESCRIPTION:" + text(v.description()));
        }
        if (v.url() != null) {
            line(out, "URL:" + v.url());
        }
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String time(Instant t, ZoneId zone, boolean local) {
        return local
                ? ";TZID=" + zone.getId() + ":" + LOCAL.format(ZonedDateTime.ofInstant(t, zone))
                : ":" + UTC.format(t.atOffset(ZoneOffset.UTC));
    }

    /** +0800 (RFC 5545 utc-offset: sign, hours, minutes). */
    private static String offset(ZoneOffset o) {
        int s = o.getTotalSeconds();
        int m = Math.abs(s) / 60;
        return (s < 0 ? "-" : "+") + String.format("%02d%02d", m / 60, m % 60);
    }

    /** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline. */
    static String text(String s) {
        return s.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 character), ended with CRLF. */
    private static void line(StringBuilder out, String s) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                out.append("\r\n ");
                octets = 1; // the leading space counts
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
