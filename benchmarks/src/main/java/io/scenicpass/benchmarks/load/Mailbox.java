package io.scenicpass.benchmarks.load;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sign-in codes a real SMTP server (GreenMail) received, by recipient: each message is read once (thousands of
 * visitors would otherwise each scan every mail), and a visitor whose code has not arrived yet waits for the next mail.
 */
final class Mailbox {
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private final GreenMail smtp;
    private final Map<String, String> codes = new HashMap<>();
    private int read;

    Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    /** The code last mailed to {@code to}, waiting at most {@code waitMillis} for it to arrive. */
    String codeFor(String to, long waitMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            int seen;
            synchronized (this) {
                MimeMessage[] all = smtp.getReceivedMessages();
                for (; read < all.length; read++) {
                    remember(all[read]);
                }
                String code = codes.remove(to);
                if (code != null) {
                    return code;
                }
                seen = read;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0 || !smtp.waitForIncomingEmail(left, seen + 1)) {
                throw new IOException("no sign-in code mailed to " + to + " within " + waitMillis + " ms");
            }
        }
    }

    private void remember(MimeMessage m) throws IOException {
        try {
            Matcher c = CODE.matcher(m.getContent().toString());
            if (c.find()) {
                codes.put(m.getAllRecipients()[0].toString(), c.group(1));
            }
        } catch (MessagingException e) {
            throw new IOException("unreadable mail", e);
        }
    }
}
