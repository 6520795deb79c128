package io.scenicpass.server.invoices;

import java.nio.file.Path;
import java.util.Map;

/**
 * The invoice settings, from the {@code invoices.*} and {@code mail.*} properties: {@code invoices.font} (a
 * TrueType .ttf/.ttc with Chinese glyphs for the PDF; default: the first of {@link
 * io.scenicpass.server.invoices.internal.CjkFont#CANDIDATES} found), {@code invoices.linkDays} (the receipt's link
 * works until this many days after the visit date; default 30), {@code invoices.retentionDays} (the buyer's contact
 * data and the PDF are erased this many days after the request; default 30), and SMTP: {@code mail.host} (unset:
 * mail off), {@code mail.port} (25), {@code mail.from}, {@code mail.user}, {@code mail.password}, {@code
 * mail.starttls} (false), {@code mail.attempts} (tries before a mail counts as failed; 5).
 */
public record InvoiceSettings(
        Path font,
        int linkDays,
        int retentionDays,
        String mailHost,
        int mailPort,
        String mailFrom,
        String mailUser,
        String mailPassword,
        boolean mailStartTls,
        int mailAttempts) {

    public static InvoiceSettings of(Map<String, String> p) {
        String font = blankToNull(p.get("invoices.font"));
        InvoiceSettings s = new InvoiceSettings(
                font == null ? null : Path.of(font),
                number(p, "invoices.linkDays", 30, 1, 3660),
                number(p, "invoices.retentionDays", 30, 0, 3660),
                blankToNull(p.get("mail.host")),
                number(p, "mail.port", 25, 1, 65535),
                p.getOrDefault("mail.from", "invoices@scenicpass.invalid"),
                blankToNull(p.get("mail.user")),
                p.get("mail.password"),
                bool(p.getOrDefault("mail.starttls", "false"), "mail.starttls"),
                number(p, "mail.attempts", 5, 1, 100));
        return s;
    }

    /** True when mail is configured. */
    public boolean mailOn() {
        return mailHost != null;
    }

    private static int number(Map<String, String> p, String name, int dflt, int min, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be a number " + min + ".." + max + ", not '" + v + "'");
        }
        return n;
    }

    private static boolean bool(String v, String name) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, not '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
