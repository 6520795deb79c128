package io.scenicpass.server.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/** Sends mail over SMTP (Jakarta Mail / Eclipse Angus), with 10 s timeouts: plain UTF-8 text, headers, one file. */
public final class SmtpMailer {
    /** A file attached to a mail. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {}

    private final MailSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpMailer(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        Authenticator auth = null;
        if (settings.user() != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                }
            };
        }
        session = Session.getInstance(p, auth);
    }

    /** Sends one plain-text mail; throws when the server refuses it or cannot be reached. */
    public void sendText(String to, String subject, String text) throws MessagingException {
        send(to, subject, text, Map.of(), null);
    }

    /** Sends one mail with the PDF attached; throws when the server refuses it or cannot be reached. */
    public void send(String to, String subject, String text, String fileName, byte[] pdf) throws MessagingException {
        send(to, subject, text, Map.of(), new Attachment(fileName, "application/pdf", pdf));
    }

    /**
     * Sends one mail: {@code headers} added as given (e.g. {@code List-Unsubscribe}), {@code file} attached unless
     * null; throws when the server refuses it or cannot be reached.
     */
    public void send(String to, String subject, String text, Map<String, String> headers, Attachment file)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        if (file == null) {
            m.setText(text, "UTF-8");
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(
                    new jakarta.activation.DataHandler(new ByteArrayDataSource(file.bytes(), file.contentType())));
            part.setFileName(file.fileName());
            m.setContent(new MimeMultipart(body, part));
        }
        Transport.send(m);
    }
}
