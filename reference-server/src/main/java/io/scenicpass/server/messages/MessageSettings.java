package io.scenicpass.server.messages;

import io.scenicpass.server.config.Settings;
import io.scenicpass.server.mail.MailSettings;
import java.util.Map;

/**
 * The messages' settings: {@code messages.attempts} (tries before a message counts as FAILED; 5), {@code
 * messages.retrySeconds} (the first retry's delay, doubled each time up to 6 h; 60), {@code messages.reminderHour}
 * (the reminder goes from this hour of the day before the visit, the park's time; 10), {@code
 * messages.retentionDays} (sent, failed and skipped rows are purged after this many days; 30), {@code sms.provider}
 * ({@code demo} or {@code aliyun}; demo), {@code sms.demo.showCodes} (the demo log shows sign-in codes; false), and
 * SMTP ({@link MailSettings}; unset {@code mail.host}: no email).
 */
public record MessageSettings(
        int attempts,
        int retrySeconds,
        int reminderHour,
        int retentionDays,
        String smsProvider,
        boolean smsShowCodes,
        MailSettings mail) {

    public static MessageSettings of(Map<String, String> p) {
        String sms = p.getOrDefault("sms.provider", "demo").trim();
        if (!sms.equals("demo") && !sms.equals("aliyun")) {
            throw new IllegalArgumentException("sms.provider must be demo or aliyun, not '" + sms + "'");
        }
        return new MessageSettings(
                Settings.number(p, "messages.attempts", 5, 1, 100),
                Settings.number(p, "messages.retrySeconds", 60, 1, 86_400),
                Settings.number(p, "messages.reminderHour", 10, 0, 23),
                Settings.number(p, "messages.retentionDays", 30, 1, 3660),
                sms,
                Settings.bool(p, "sms.demo.showCodes", false),
                MailSettings.of(p));
    }
}
