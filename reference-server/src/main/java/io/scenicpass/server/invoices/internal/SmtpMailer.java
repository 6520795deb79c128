package io.scenicpass.server.invoices.internal;

import io.scenicpass.server.invoices.InvoiceSettings;
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
import java.util.Properties;

/** Sends an invoice PDF to the buyer over SMTP (Jakarta Mail / Eclipse Angus), with 10 s timeouts. */
public final class SmtpMailer {
    private final InvoiceSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpMailer(InvoiceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.mailHost());
        p.put("mail.smtp.port", Integer.toString(settings.mailPort()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.mailStartTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.mailStartTls()));
        Authenticator auth = null;
        if (settings.mailUser() != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.mailUser(), settings.mailPassword());
                }
            };
        }
        session = Session.getInstance(p, auth);
    }

    /** Sends one plain-text mail; throws when the server refuses it or cannot be reached. */
    public void sendText(String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.mailFrom()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    /** Sends one mail with the PDF attached; throws when the server refuses it or cannot be reached. */
    public void send(String to, String subject, String text, String fileName, byte[] pdf) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.mailFrom()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        file.setFileName(fileName);
        m.setContent(new MimeMultipart(body, file));
        Transport.send(m);
    }
}
