package io.scenicpass.server.messages.internal;

import io.scenicpass.server.mail.SmtpMailer;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.SmsProvider;
import io.scenicpass.server.shop.account.Address;
import io.scenicpass.server.shop.account.CodeSender;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in codes, sent at once (the visitor waits on the page) by email or by the SMS provider, in the page's
 * language; throws when it cannot, so the page says so. Not through the outbox: the address may have no account yet,
 * and a code retried minutes later is of no use. Logs the masked address only, and the code with {@code
 * shop.codesInLog=true} (the demo, which has no mail server: then a mail that cannot go is not an error).
 */
public final class MessageCodeSender implements CodeSender {
    private static final Logger LOG = LoggerFactory.getLogger(MessageCodeSender.class);

    private final MessageTexts texts;
    private final SmtpMailer mailer;
    private final SmsProvider sms;
    private final java.util.function.Supplier<String> ids;
    private final boolean codesInLog;

    public MessageCodeSender(
            MessageTexts texts,
            SmtpMailer mailer,
            SmsProvider sms,
            java.util.function.Supplier<String> ids,
            boolean codesInLog) {
        this.codesInLog = codesInLog;
        this.texts = texts;
        this.mailer = mailer;
        this.sms = sms;
        this.ids = ids;
    }

    @Override
    public void send(Address to, String code, String lang) {
        if (codesInLog) { // the demo, without mail or phones
            LOG.warn("DEMO (shop.codesInLog=true): sign-in code for {} is {}", to.masked(), code);
            if (to.kind() == Address.Kind.EMAIL && mailer == null) {
                return;
            }
        }
        Map<String, String> fields = Map.of("code", code);
        MessageTexts.Composed m = texts.compose(MessageKind.SIGN_IN_CODE, lang, fields, null, null);
        try {
            if (to.kind() == Address.Kind.EMAIL) {
                if (mailer == null) {
                    throw new IllegalStateException("mail is off (mail.host is not set): no sign-in by email");
                }
                mailer.send(to.value(), m.subject(), m.body(), Map.of(), null);
            } else {
                sms.send(ids.get(), to.value(), MessageKind.SIGN_IN_CODE, fields, m.sms());
            }
        } catch (SmsProvider.SmsException | jakarta.mail.MessagingException e) {
            LOG.warn(
                    "sign-in code to {} not sent: {}", to.masked(), e.getClass().getSimpleName());
            throw new IllegalStateException("the sign-in code could not be sent", e);
        }
        LOG.info("sign-in code sent to {}", to.masked());
    }
}
