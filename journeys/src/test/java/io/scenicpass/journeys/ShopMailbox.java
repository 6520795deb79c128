package io.scenicpass.journeys;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.server.testing.ShopSignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A shop visitor's mailbox for browser journeys: a real SMTP server (GreenMail) the park mails to, and a stand-in
 * the browser script asks for the last sign-in code mailed to her ({@link #codeUrl()}).
 */
final class ShopMailbox implements AutoCloseable {
    final GreenMail smtp;
    private final HttpServer codes;

    private ShopMailbox(String email) {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            codes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException(e);
        }
        codes.createContext("/code", ex -> {
            byte[] code;
            try {
                code = ShopSignIn.codeMailedTo(smtp, email).getBytes(UTF_8);
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
        Map<String, String> s = new java.util.HashMap<>();
        s.put("mail.host", "127.0.0.1");
        s.put("mail.port", Integer.toString(smtp.getSmtp().getPort()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            s.put(more[i], more[i + 1]);
        }
        return s;
    }

    /** Where the browser script reads the last sign-in code. */
    String codeUrl() {
        return "http://127.0.0.1:" + codes.getAddress().getPort() + "/code";
    }

    @Override
    public void close() {
        codes.stop(0);
        smtp.stop();
    }
}
