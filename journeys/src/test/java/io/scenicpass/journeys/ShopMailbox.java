package io.scenicpass.journeys;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.ShopSignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A shop visitor's mailbox for browser journeys: a real SMTP server ({@link Mailbox}) the park mails to, and a stand-in
 * the browser script asks for the last sign-in code mailed to her ({@link #codeUrl()}).
 */
final class ShopMailbox implements AutoCloseable {
    final Mailbox mail;
    private final HttpServer codes;

    private ShopMailbox(String email) {
        mail = Mailbox.start();
        try {
            codes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            mail.close();
            throw new UncheckedIOException(e);
        }
        codes.createContext("/code", ex -> {
            byte[] code;
            try {
                code = ShopSignIn.codeMailedTo(mail, email).getBytes(UTF_8);
            } catch (Exception e) {
                code = new byte[0];
            }
            ex.sendResponseHeaders(200, code.length);
            ex.getResponseBody().write(code);
            ex.close();
        });
        codes.start();
    }

    /** The mailbox of {@code email}, its servers started. */
    static ShopMailbox of(String email) {
        return new ShopMailbox(email);
    }

    /** The server settings that send the park's mail here, with {@code more} (key, value, key, value …). */
    Map<String, String> settings(String... more) {
        return mail.settings(more);
    }

    /** Where the browser script reads the last sign-in code. */
    String codeUrl() {
        return "http://127.0.0.1:" + codes.getAddress().getPort() + "/code";
    }

    @Override
    public void close() {
        codes.stop(0);
        mail.close();
    }
}
