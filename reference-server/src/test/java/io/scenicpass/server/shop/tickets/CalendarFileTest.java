package io.scenicpass.server.shop.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The .ics of an order read back by a small strict RFC 5545 reader: CRLF lines of at most 75 octets, components
 * nested, one VEVENT, its times in the park's zone (a VTIMEZONE for a fixed offset, UTC otherwise), text unescaped.
 */
class CalendarFileTest {
    private static final Instant START = Instant.parse("2026-06-02T02:00:00Z");
    private static final Instant END = Instant.parse("2026-06-02T04:00:00Z");

    @Test
    void aVisitInShanghaiReadsBackAtTenLocalTime() {
        String summary = "西湖游船 West Lake boat, 2 tickets; family \\ friends, and a very long name that needs folding";
        String ics = CalendarFile.of(
                new CalendarFile.Visit(
                        "order-1@scenicpass",
                        START,
                        END,
                        ZoneId.of("Asia/Shanghai"),
                        summary,
                        "line 1\nline 2",
                        "https://park.example/shop/orders/order-1"),
                Instant.parse("2026-06-01T00:00:00Z"));

        Calendar cal = Calendar.read(ics);
        assertThat(cal.events()).hasSize(1);
        Map<String, Prop> e = cal.events().get(0);
        assertThat(cal.timezones()).containsEntry("Asia/Shanghai", "+0800");
        assertThat(e.get("DTSTART").param("TZID")).isEqualTo("Asia/Shanghai");
        assertThat(cal.instant(e.get("DTSTART"))).isEqualTo(START);
        assertThat(cal.instant(e.get("DTEND"))).isEqualTo(END);
        assertThat(e.get("SUMMARY").text()).isEqualTo(summary);
        assertThat(e.get("DESCRIPTION").text()).isEqualTo("line 1\nline 2");
        assertThat(e.get("UID").value()).isEqualTo("order-1@scenicpass");
        assertThat(e.get("DTSTAMP").value()).isEqualTo("20260601T000000Z");
    }

    @Test
    void aZoneWithSummerTimeUsesUtcTimes() {
        Calendar cal = Calendar.read(CalendarFile.of(
                new CalendarFile.Visit("u", START, END, ZoneId.of("Europe/Paris"), "x", null, null), START));
        assertThat(cal.timezones()).isEmpty();
        assertThat(cal.events().get(0).get("DTSTART").value()).isEqualTo("20260602T020000Z");
        assertThat(cal.instant(cal.events().get(0).get("DTEND"))).isEqualTo(END);
    }

    /** A content line: name, parameters, raw value. */
    record Prop(String name, Map<String, String> params, String value) {
        String param(String p) {
            return params.get(p);
        }

        /** The TEXT value unescaped (RFC 5545 §3.3.11). */
        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '\\') {
                    char n = value.charAt(++i);
                    sb.append(n == 'n' || n == 'N' ? '\n' : n);
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }
    }

    /** The events and the time zones (TZID to fixed offset) of a calendar, checked while reading. */
    record Calendar(List<Map<String, Prop>> events, Map<String, String> timezones) {
        static Calendar read(String ics) {
            assertThat(ics).endsWith("\r\n");
            String[] physical = ics.substring(0, ics.length() - 2).split("\r\n", -1);
            List<String> lines = new ArrayList<>();
            for (String l : physical) {
                assertThat(l).doesNotContain("\n", "\r");
                assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
                if (l.startsWith(" ")) {
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + l.substring(1));
                } else {
                    lines.add(l);
                }
            }
            Deque<String> open = new ArrayDeque<>();
            List<Map<String, Prop>> events = new ArrayList<>();
            Map<String, String> zones = new LinkedHashMap<>();
            Map<String, Prop> current = null;
            String tzid = null;
            for (String l : lines) {
                Prop p = prop(l);
                if (p.name().equals("BEGIN")) {
                    open.push(p.value());
                    if (p.value().equals("VEVENT")) {
                        current = new LinkedHashMap<>();
                    }
                } else if (p.name().equals("END")) {
                    assertThat(open.pop()).isEqualTo(p.value());
                    if (p.value().equals("VEVENT")) {
                        for (String required : List.of("UID", "DTSTAMP", "DTSTART")) {
                            assertThat(current).containsKey(required);
                        }
                        events.add(current);
                    }
                } else if ("VEVENT".equals(open.peek())) {
                    assertThat(current.put(p.name(), p)).isNull();
                } else if (p.name().equals("TZID")) {
                    tzid = p.value();
                } else if (p.name().equals("TZOFFSETTO")) {
                    zones.put(tzid, p.value());
                } else if (open.size() == 1 && p.name().equals("VERSION")) {
                    assertThat(p.value()).isEqualTo("2.0");
                }
            }
            assertThat(open).isEmpty();
            return new Calendar(events, zones);
        }

        Instant instant(Prop p) {
            if (p.value().endsWith("Z")) {
                return LocalDateTime.parse(p.value(), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                        .toInstant(ZoneOffset.UTC);
            }
            String offset = timezones.get(p.param("TZID"));
            assertThat(offset).as("a VTIMEZONE for " + p.param("TZID")).isNotNull();
            return LocalDateTime.parse(p.value(), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                    .toInstant(ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3)));
        }

        private static Prop prop(String l) {
            int colon = l.indexOf(':');
            String head = l.substring(0, colon);
            String[] parts = head.split(";");
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                params.put(kv[0], kv[1]);
            }
            return new Prop(parts[0], params, l.substring(colon + 1));
        }
    }
}
