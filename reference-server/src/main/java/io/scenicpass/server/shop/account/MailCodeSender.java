package io.scenicpass.server.shop.account;

import io.scenicpass.server.invoices.InvoiceSettings;
import io.scenicpass.server.mail.SmtpMailer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first delivery of sign-in codes: email through the SMTP server of {@code mail.*}; SMS not yet (the messages
 * module's provider replaces this). With {@code shop.codesInLog=true} (the demo only) the code is logged, loudly, so
 * the demo can be signed into without mail or SMS; otherwise neither the code nor the clear address is logged.
 */
public final class MailCodeSender implements CodeSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailCodeSender.class);

    private final SmtpMailer mailer;
    private final boolean codesInLog;

    public MailCodeSender(InvoiceSettings mail, Clock clock, boolean codesInLog) {
        this.mailer = mail.mailOn() ? new SmtpMailer(mail.mail(), clock) : null;
        this.codesInLog = codesInLog;
    }

    @Override
    public void send(Address to, String code, String lang) {
        if (codesInLog) {
            LOG.warn("DEMO (shop.codesInLog=true): sign-in code for {} is {}", to.masked(), code);
        }
        if (to.kind() == Address.Kind.EMAIL && mailer != null) {
            boolean en = "en".equals(lang);
            try {
                mailer.sendText(
                        to.value(),
                        en ? "Your sign-in code: " + code : "您的登录验证码：" + code,
                        en
                                ? "Your code is " + code + ". It is valid for 10 minutes. If you did not ask for it,"
                                        + " ignore this mail."
                                : "您的验证码是 " + code + "，10 分钟内有效。如非本人操作，请忽略本邮件。");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("mail refused", e);
            }
            LOG.info("sign-in code mailed to {}", to.masked());
        } else if (!codesInLog) {
            LOG.info("sign-in code for {} not sent: no {} delivery configured", to.masked(), to.kind());
            throw new IllegalStateException("no delivery for " + to.kind());
        }
    }
}
