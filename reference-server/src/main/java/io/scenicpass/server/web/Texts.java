package io.scenicpass.server.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A page's texts in its language: UTF-8 bundles {@code io/scenicpass/server/web/texts/<bundle>_zh_CN.properties} and
 * {@code _en.properties}, searched in the order given, then the platform's own {@code web} bundle. A missing key shows
 * as {@code ??key??} (tests look for it) rather than failing the page.
 */
public final class Texts {
    private static final ConcurrentHashMap<String, Texts> CACHE = new ConcurrentHashMap<>();

    private final String lang;
    private final List<ResourceBundle> bundles;

    private Texts(String lang, List<ResourceBundle> bundles) {
        this.lang = lang;
        this.bundles = bundles;
    }

    /** The texts of {@code bundles} (plus {@code web}) in {@code lang} ({@link Lang}). */
    public static Texts of(String lang, String... bundles) {
        String l = Lang.EN.equals(lang) ? Lang.EN : Lang.ZH;
        String key = l + "|" + String.join(",", bundles);
        return CACHE.computeIfAbsent(key, k -> {
            Locale locale = Lang.EN.equals(l) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            List<ResourceBundle> found = new ArrayList<>();
            for (String b : bundles) {
                found.add(load(b, locale));
            }
            found.add(load("web", locale));
            return new Texts(l, List.copyOf(found));
        });
    }

    private static ResourceBundle load(String bundle, Locale locale) {
        return ResourceBundle.getBundle(
                "io.scenicpass.server.web.texts." + bundle,
                locale,
                Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code zh-CN} or {@code en}. */
    public String lang() {
        return lang;
    }

    /** The other language, for the switch link. */
    public String other() {
        return Lang.other(lang);
    }

    public boolean has(String key) {
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** The text of {@code key}, with {@code {0}}, {@code {1}} … filled from {@code args}. */
    public String get(String key, Object... args) {
        for (ResourceBundle b : bundles) {
            try {
                String s = b.getString(key);
                return args.length == 0 ? s : new MessageFormat(s.replace("'", "''"), locale()).format(args);
            } catch (MissingResourceException e) {
                // next bundle
            }
        }
        return "??" + key + "??";
    }

    private Locale locale() {
        return Lang.EN.equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
