package io.scenicpass.cli.kioskui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The screens' two languages say the same things: same keys, every key a template asks for exists in both. */
class MessagesTest {
    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertThat(keys("zh_CN")).isEqualTo(keys("en"));
    }

    @Test
    void everyKeyTheTemplatesAskForIsThere() throws Exception {
        Set<String> asked = new TreeSet<>();
        Pattern t = Pattern.compile("page\\.t\\(\"([a-zA-Z.]+)\"[,)]");
        try (Stream<Path> files = Files.walk(Paths.get("src/main/jte/kiosk"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = t.matcher(Files.readString(f));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(40);
        assertThat(keys("zh_CN")).containsAll(asked);
        for (String state : Set.of("CANCELLED", "EXPIRED", "REFUNDED", "UNKNOWN")) {
            assertThat(keys("en")).contains("over." + state);
        }
    }

    @Test
    void unknownOrMissingLanguagesAreTheDefault() {
        assertThat(Messages.of(null).lang()).isEqualTo("zh-CN");
        assertThat(Messages.of("fr").lang()).isEqualTo("zh-CN");
        assertThat(Messages.of("en").t("slots.remaining", 12)).isEqualTo("12 left");
        assertThat(Messages.of("zh-CN").t("slots.remaining", 1200)).isEqualTo("余 1,200 张");
        assertThat(Messages.of("en").t("no.such.key")).isEqualTo("no.such.key");
    }

    private static Set<String> keys(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStreamReader r = new InputStreamReader(
                Messages.class.getResourceAsStream("messages_" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
