package io.scenicpass.cli.kioskui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** What every screen's template gets: the visitor's language, the park's zone, formatting, the current path. */
public final class Page {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Messages m;
    private final ZoneId zone;
    private final String path;

    Page(Messages m, ZoneId zone, String path) {
        this.m = m;
        this.zone = zone;
        this.path = path;
    }

    public String lang() {
        return m.lang();
    }

    /** @return the text of key in the visitor's language */
    public String t(String key, Object... args) {
        return m.t(key, args);
    }

    /** @return the path of this screen (the language switch comes back to it) */
    public String path() {
        return path;
    }

    /** @return fen as yuan, e.g. ¥120.00 */
    public String money(long fen) {
        return String.format(Locale.ROOT, "¥%d.%02d", fen / 100, Math.abs(fen % 100));
    }

    /** @return the time of day in the park, e.g. 09:30 */
    public String time(Instant t) {
        return t == null ? "" : HOUR.format(t.atZone(zone));
    }

    /** @return the day in the visitor's language, e.g. 2026年12月6日 星期日 / Sunday, December 6, 2026 */
    public String day(LocalDate d) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                .withLocale(m.locale())
                .format(d);
    }

    /** @return the short day for a tab, e.g. 12月6日 / Dec 6 */
    public String shortDay(LocalDate d) {
        String pattern = lang().startsWith("zh") ? "M月d日 E" : "EEE d MMM";
        return DateTimeFormatter.ofPattern(pattern, m.locale()).format(d);
    }

    /** @return the visitor's message for an error code, the generic one when the code has none */
    public String error(String code) {
        return m.has("error." + code) ? m.t("error." + code) : m.t("error.generic");
    }
}
