package io.scenicpass.server.shop.checkout.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The shop-book texts: both languages have the same keys, and every error code the pages show has a text. */
class ShopBookTextsTest {
    static Properties bundle(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ShopBookTextsTest.class.getResourceAsStream(
                "/io/scenicpass/server/web/texts/shop-book_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryErrorCode() throws Exception {
        Properties zh = bundle("zh_CN");
        Properties en = bundle("en");
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        for (Problem p : Problem.values()) {
            String code = ShopErrors.of(new ServiceException(p, "x")).code();
            assertThat(zh).containsKey(code);
        }
        for (String m : new String[] {
            "sold out: not enough vacancies in this slot", "slot is closed", "unitItems[0].identity: blacklisted"
        }) {
            assertThat(zh)
                    .containsKey(ShopErrors.of(new ServiceException(Problem.UNPROCESSABLE_ENTITY, m))
                            .code());
        }
        assertThat(zh.getProperty("DOCUMENT_LIMIT")).contains("{0}").contains("{1}");
        assertThat(en.values()).noneMatch(v -> v.toString().contains("'"));
    }
}
