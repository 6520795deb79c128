package io.scenicpass.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.x contrast of the colour tokens as the shop's and console's pages see them ({@code :root}, then the rules for
 * {@code body.sp-shop}): every text colour the stylesheet puts on a background reaches 4.5:1 (AA for normal text; the
 * web pages' badges and buttons are 14–16 px).
 */
class WebContrastTest {
    /** Text on background, as the stylesheet's rules pair them (token names without {@code --sp-}, or #hex). */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"ink", "paper"}, // body text
            new String[] {"ink", "card"}, // cards, inputs
            new String[] {"muted", "paper"}, // leads, the footer
            new String[] {"muted", "card"},
            new String[] {"brand-ink", "brand"}, // the bar, primary buttons, the current tab
            new String[] {"brand", "card"}, // buttons, prices
            new String[] {"brand", "paper"}, // links on the page
            new String[] {"danger", "card"}, // the sold-out badge, error codes
            new String[] {"danger", "paper"},
            new String[] {"accent", "card"}, // the "few places" badge
            new String[] {"accent", "paper"},
            new String[] {"#ffffff", "accent"}); // the accent button

    @Test
    void everyTextColourOnItsBackgroundReachesAa() {
        Map<String, String> tokens = webTokens(new String(Design.stylesheet(), StandardCharsets.UTF_8));
        List<String> failing = new ArrayList<>();
        for (String[] p : PAIRS) {
            String fg = colour(tokens, p[0]);
            String bg = colour(tokens, p[1]);
            double ratio = contrast(fg, bg);
            if (ratio < 4.5) {
                failing.add(String.format(Locale.ROOT, "%s %s on %s %s: %.2f:1", p[0], fg, p[1], bg, ratio));
            }
        }
        assertThat(failing).as("pairs below 4.5:1").isEmpty();
    }

    @Test
    void theFormulaGivesWcagsOwnExamples() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#ffffff", "#ffffff")).isEqualTo(1.0);
    }

    /** The {@code --sp-*} colours of {@code :root}, overridden by rules whose selector names {@code body.sp-shop}. */
    static Map<String, String> webTokens(String css) {
        Map<String, String> t = new LinkedHashMap<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            String selector = rule.group(1).trim();
            if (selector.equals(":root") || selector.contains("body.sp-shop")) {
                Matcher d = Pattern.compile("--sp-([a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})")
                        .matcher(rule.group(2));
                while (d.find()) {
                    t.put(d.group(1), d.group(2).toLowerCase(Locale.ROOT));
                }
            }
        }
        return t;
    }

    private static String colour(Map<String, String> tokens, String name) {
        String c = name.startsWith("#") ? name : tokens.get(name);
        assertThat(c).as("token --sp-" + name).isNotNull();
        return c;
    }

    /** WCAG 2.x contrast ratio of two #rrggbb colours: (L1 + 0.05) / (L2 + 0.05), L the relative luminance. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
