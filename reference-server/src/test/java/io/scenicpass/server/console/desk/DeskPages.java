package io.scenicpass.server.console.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.PageClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the desk pages' tests share: reading a value off a page, a page whole in its language. */
final class DeskPages {
    private DeskPages() {}

    static String match(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** The page is whole in its language: no text key is missing. */
    static void noMissingText(PageClient.Page page) {
        assertThat(page.body()).doesNotContain("??");
    }
}
