package io.scenicpass.server.console.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.TestServer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the desk pages' tests share: signing in through the console's form, and reading a value off a page. */
final class DeskPages {
    private DeskPages() {}

    static PageClient signedIn(TestServer ts, String login, String password) {
        PageClient c = new PageClient(ts.server.baseUrl()).language("en");
        c.get("/console/sign-in");
        PageClient.Page in =
                c.post("/console/sign-in", Map.of("login", login, "password", password, "next", "/console"));
        assertThat(in.status()).as(in.body()).isEqualTo(303);
        return c;
    }

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
