package io.scenicpass.cli.kioskui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The screens' words in one language: messages_{zh_CN,en}.properties (UTF-8) beside this class; zh-CN by default. */
public final class Messages {
    /** The languages of the screens, the default first. */
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");

    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String lang;
    private final Locale locale;
    private final Properties words;

    private Messages(String lang, Properties words) {
        this.lang = lang;
        this.locale = Locale.forLanguageTag(lang);
        this.words = words;
    }

    /** @param lang a language tag, anything unknown (or null) meaning the default @return its messages */
    public static Messages of(String lang) {
        String l = lang != null && LANGUAGES.contains(lang) ? lang : LANGUAGES.get(0);
        return LOADED.computeIfAbsent(l, k -> new Messages(k, load(k.replace('-', '_'))));
    }

    public String lang() {
        return lang;
    }

    public Locale locale() {
        return locale;
    }

    /** @return the text of key with {0}… filled in; the key itself when it is missing (seen, never a blank) */
    public String t(String key, Object... args) {
        String w = words.getProperty(key);
        if (w == null) {
            return key;
        }
        return args.length == 0 ? w : new MessageFormat(w, locale).format(args);
    }

    /** @return true when the key has a text in this language */
    public boolean has(String key) {
        return words.containsKey(key);
    }

    private static Properties load(String suffix) {
        String name = "messages_" + suffix + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
