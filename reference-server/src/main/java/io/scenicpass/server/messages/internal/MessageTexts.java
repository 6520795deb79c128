package io.scenicpass.server.messages.internal;

import io.scenicpass.server.messages.MessageKind;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's texts in the visitor's language, from the {@code shop-messages} bundle: {@code msg.<KIND>.subject},
 * {@code .body}, {@code .sms}, with {@code {field}} filled from the message's fields (absent: empty), then the links
 * (the tickets for booking kinds, the unsubscribe link always).
 */
public final class MessageTexts {
    /** A message ready to send: the mail's subject and text, the SMS text. */
    public record Composed(String subject, String body, String sms) {}

    private static final Pattern FIELD = Pattern.compile("\\{([a-zA-Z]+)}");

    /** (lang, key) → the bundle's raw text. */
    private final BiFunction<String, String, String> bundle;

    public MessageTexts(BiFunction<String, String, String> bundle) {
        this.bundle = bundle;
    }

    /** {@code ticketsUrl}: null for kinds not about a booking. */
    public Composed compose(
            MessageKind kind, String lang, Map<String, String> fields, String ticketsUrl, String unsubscribeUrl) {
        String k = "msg." + kind.name();
        StringBuilder body = new StringBuilder(fill(lang, k + ".body", fields));
        StringBuilder sms = new StringBuilder(fill(lang, k + ".sms", fields));
        if (ticketsUrl != null) {
            Map<String, String> url = Map.of("url", ticketsUrl);
            body.append("\n\n").append(fill(lang, "msg.footer.tickets", url));
            sms.append(' ').append(fill(lang, "msg.sms.tickets", url));
        }
        if (unsubscribeUrl != null) {
            Map<String, String> url = Map.of("url", unsubscribeUrl);
            String footer = kind.transactional() ? "msg.footer.unsubscribe.transactional" : "msg.footer.unsubscribe";
            body.append("\n\n-- \n").append(fill(lang, footer, url));
            sms.append(' ').append(fill(lang, "msg.sms.unsubscribe", url));
        }
        return new Composed(fill(lang, k + ".subject", fields), body.toString(), sms.toString());
    }

    private String fill(String lang, String key, Map<String, String> fields) {
        Matcher m = FIELD.matcher(bundle.apply(lang, key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(fields.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
