package io.scenicpass.server.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for tests (GreenMail on 127.0.0.1) the server's mail is pointed at ({@link #settings}), and the
 * messages it received. One per test; {@link #close} stops it.
 */
public final class Mailbox implements AutoCloseable {
    private final GreenMail smtp;

    private Mailbox(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** A mailbox on a free port, started. */
    public static Mailbox start() {
        return new Mailbox(0);
    }

    /** A mailbox on {@code port} (one the test chose while nobody listened there), started now. */
    public static Mailbox on(int port) {
        return new Mailbox(port);
    }

    /** A port free now, with nobody listening: for a server whose SMTP server is not up yet. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that send mail to {@code port} on 127.0.0.1, with {@code more} (key, value, key, value …). */
    public static Map<String, String> settings(int port, String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in pairs: " + Arrays.toString(more));
        }
        Map<String, String> s = new HashMap<>();
        s.put("mail.host", "127.0.0.1");
        s.put("mail.port", Integer.toString(port));
        for (int i = 0; i < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        return s;
    }

    /** The settings that send the server's mail here, with {@code more} (key, value, key, value …). */
    public Map<String, String> settings(String... more) {
        return settings(port(), more);
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    /** The messages received so far, in order. */
    public List<MimeMessage> mails() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** Waits up to 5 s until {@code count} messages were received: whether they were. */
    public boolean waitFor(int count) {
        return smtp.waitForIncomingEmail(5000, count);
    }

    /** Stops the SMTP server: sending to it fails from now on (closing again is harmless). */
    public void stop() {
        smtp.stop();
    }

    /** The message's text, decoded. */
    public static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
