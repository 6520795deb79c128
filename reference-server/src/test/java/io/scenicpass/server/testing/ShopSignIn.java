package io.scenicpass.server.testing;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs a {@link PageClient} in to the shop with the code a real SMTP server ({@link Mailbox}) received. */
public final class ShopSignIn {
    private ShopSignIn() {}

    /** Signs {@code browser} in as {@code email} (the server's {@code mail.*} pointing at {@code mailbox}). */
    public static void signIn(PageClient browser, Mailbox mailbox, String email) throws Exception {
        browser.get("/shop/sign-in");
        PageClient.Page sent = browser.post("/shop/sign-in", Map.of("address", email));
        if (sent.status() != 303) {
            throw new AssertionError("code not sent: " + sent.status() + " " + sent.errorCode());
        }
        browser.get(sent.location());
        PageClient.Page in = browser.post("/shop/sign-in/code", Map.of("code", codeMailedTo(mailbox, email)));
        if (in.status() != 303) {
            throw new AssertionError("not signed in: " + in.status() + " " + in.errorCode());
        }
    }

    /** The last sign-in code mailed to {@code to}. */
    public static String codeMailedTo(Mailbox mailbox, String to) throws Exception {
        List<MimeMessage> all = mailbox.mails();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).getAllRecipients()[0].toString().equals(to)) {
                Matcher m = Pattern.compile("\\b([0-9]{6})\\b").matcher(Mailbox.body(all.get(i)));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no code mailed to " + to);
    }
}
