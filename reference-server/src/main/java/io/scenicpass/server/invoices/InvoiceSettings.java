package io.scenicpass.server.invoices;

import io.scenicpass.server.config.Settings;
import io.scenicpass.server.mail.MailSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The invoice settings, from the {@code invoices.*} and {@code mail.*} properties: {@code invoices.font} (a
 * TrueType .ttf/.ttc with Chinese glyphs for the PDF; default: the first of {@link
 * io.scenicpass.server.invoices.internal.CjkFont#CANDIDATES} found), {@code invoices.linkDays} (the receipt's link
 * works until this many days after the visit date; default 30), {@code invoices.retentionDays} (the buyer's contact
 * data and the PDF are erased this many days after the request; default 30), and SMTP ({@link MailSettings}).
 */
public record InvoiceSettings(Path font, int linkDays, int retentionDays, MailSettings mail) {

    public static InvoiceSettings of(Map<String, String> p) {
        String font = Settings.text(p, "invoices.font");
        return new InvoiceSettings(
                font == null ? null : Path.of(font),
                Settings.number(p, "invoices.linkDays", 30, 1, 3660),
                Settings.number(p, "invoices.retentionDays", 30, 0, 3660),
                MailSettings.of(p));
    }

    /** True when mail is configured. */
    public boolean mailOn() {
        return mail.on();
    }
}
