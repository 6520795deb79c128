package io.scenicpass.server.mail;

import io.scenicpass.server.config.Settings;
import java.util.Map;

/**
 * SMTP, from the {@code mail.*} properties: {@code mail.host} (unset: mail off), {@code mail.port} (25), {@code
 * mail.from}, {@code mail.user}, {@code mail.password}, {@code mail.starttls} (false), {@code mail.attempts} (tries
 * before a mail counts as failed; 5).
 */
public record MailSettings(
        String host, int port, String from, String user, String password, boolean startTls, int attempts) {

    public static MailSettings of(Map<String, String> p) {
        return new MailSettings(
                Settings.text(p, "mail.host"),
                Settings.number(p, "mail.port", 25, 1, 65535),
                p.getOrDefault("mail.from", "invoices@scenicpass.invalid"),
                Settings.text(p, "mail.user"),
                p.get("mail.password"),
                Settings.bool(p, "mail.starttls", false),
                Settings.number(p, "mail.attempts", 5, 1, 100));
    }

    /** True when mail is configured. */
    public boolean on() {
        return host != null;
    }
}
