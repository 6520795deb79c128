package io.scenicpass.server.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code octo/content} over real HTTP: operators set content per language through the admin API; resellers that name
 * the capability get every OCTO content field in the language their Accept-Language prefers (Content-Language says
 * which), the others none of them.
 */
class OctoContentTest {
    static final String CONTENT = "octo/content";
    /** OCTO's content fields of a product and an option (ProductContent / OptionContent, all required with it). */
    static final List<String> PRODUCT_FIELDS = List.of(
            "title",
            "shortDescription",
            "description",
            "features",
            "faqs",
            "media",
            "locations",
            "categoryLabels",
            "durationMinutesFrom",
            "durationMinutesTo",
            "commentary");

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ts.product("bare", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 60, 100, false, 60, null);
        key = ts.channel("ota", 1000, 1000, null);
        assertThat(put("tour", "zh-CN", doc("黄山一日游", "成人", "需要打印门票吗？")).status())
                .isEqualTo(200);
        assertThat(put("tour", "en", doc("Huangshan day tour", "Adult", "Do I need to print my ticket?"))
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    static String doc(String title, String adult, String question) {
        return "{\"title\":\"" + title + "\",\"shortDescription\":\"" + title + " short\",\"description\":\"long\","
                + "\"features\":[{\"type\":\"HIGHLIGHT\",\"shortDescription\":\"" + title + " pines\"}],"
                + "\"faqs\":[{\"question\":\"" + question
                + "\",\"answer\":\"No.\"},{\"question\":\"Q2\",\"answer\":\"A2\"}],"
                + "\"media\":[{\"src\":\"/media/huangshan-cover.png\",\"type\":\"image/png\",\"rel\":\"COVER\"}],"
                + "\"locations\":[{\"title\":\"South Gate\",\"types\":[\"START\"],\"place\":{\"latitude\":30.07,"
                + "\"longitude\":118.16}}],\"categoryLabels\":[\"outdoors\"],\"durationMinutesFrom\":240,"
                + "\"commentary\":[{\"format\":\"WRITTEN\",\"language\":\"zh-cn\"}],"
                + "\"options\":{\"tour-opt\":{\"title\":\"" + title + " option\"}},"
                + "\"units\":{\"tour-adult\":{\"title\":\"" + adult + "\",\"shortDescription\":\"18+\"}},"
                + "\"updatedBy\":\"li.na\"}";
    }

    static Answer put(String product, String locale, String json) {
        return ts.send("PUT", "/admin/v1/products/" + product + "/content/" + locale, TestServer.ADMIN, json, Map.of());
    }

    static Answer product(String path, String caps, String language) {
        Map<String, String> h = new java.util.HashMap<>();
        if (caps != null) {
            h.put("Octo-Capabilities", caps);
        }
        if (language != null) {
            h.put("Accept-Language", language);
        }
        return ts.send("GET", path, key, null, h);
    }

    @Test
    void aResellerNamingTheCapabilityGetsEveryContentFieldInTheLanguageItPrefers() {
        Answer zh = product("/octo/products/tour", CONTENT, "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.headers())
                .containsEntry("content-language", "zh-CN")
                .containsEntry("available-languages", "zh-CN, en");
        assertThat(zh.headers().get("octo-capabilities")).isEqualTo(CONTENT);
        JsonNode p = zh.json();
        assertThat(p.fieldNames()).toIterable().containsAll(PRODUCT_FIELDS);
        assertThat(p.get("title").asText()).isEqualTo("黄山一日游");
        assertThat(p.get("locale").asText()).isEqualTo("zh-CN");
        assertThat(p.get("faqs").get(0).get("question").asText()).isEqualTo("需要打印门票吗？");
        assertThat(p.get("media").get(0).get("src").asText()).isEqualTo(ts.url("/media/huangshan-cover.png"));
        assertThat(p.get("media").get(0).has("caption")).isTrue(); // present, null
        assertThat(p.get("durationMinutesTo").isNull()).isTrue();
        assertThat(p.get("commentary").get(0).get("language").asText()).isEqualTo("zh-CN");
        JsonNode place = p.get("locations").get(0).get("place");
        assertThat(place.get("postalAddress").has("postalCode")).isTrue();
        assertThat(place.get("identifiers").has("amapPlaceId")).isTrue();
        JsonNode option = p.get("options").get(0);
        assertThat(option.fieldNames()).toIterable().containsAll(PRODUCT_FIELDS);
        assertThat(option.get("title").asText()).isEqualTo("黄山一日游 option");
        assertThat(option.get("faqs")).isEmpty();
        assertThat(option.get("durationMinutesFrom").asInt()).isEqualTo(120); // the slot, when not given
        JsonNode units = option.get("units");
        assertThat(units.get(0).get("title").asText()).isEqualTo("成人");
        assertThat(units.get(0).get("shortDescription").asText()).isEqualTo("18+");
        assertThat(units.get(1).get("title").asText()).isEqualTo("Child"); // no content: the internal name
        assertThat(units.get(1).get("shortDescription").asText()).isEmpty();
        assertThat(units.get(1).get("features")).isEmpty();

        Answer en = product("/octo/products/tour", "octo/pricing, " + CONTENT, "en-US,en;q=0.9");
        assertThat(en.headers()).containsEntry("content-language", "en");
        assertThat(en.json().get("title").asText()).isEqualTo("Huangshan day tour");
        assertThat(en.json().get("locale").asText()).isEqualTo("en");
        assertThat(en.json()
                        .get("options")
                        .get(0)
                        .get("units")
                        .get(0)
                        .get("title")
                        .asText())
                .isEqualTo("Adult");
        assertThat(en.json().has("pricingPer")).isTrue();
        // q-values decide, not the order
        assertThat(product("/octo/products/tour", CONTENT, "zh;q=0.5, en;q=0.9").headers())
                .containsEntry("content-language", "en");
        assertThat(product("/octo/products/tour", CONTENT, "zh").headers()).containsEntry("content-language", "zh-CN");
    }

    @Test
    void anUnknownOrMissingLanguageGetsTheProductsDefault() {
        for (String lang : new String[] {"fr-FR", null, "*", "x;;q=abc"}) {
            Answer a = product("/octo/products/tour", CONTENT, lang);
            assertThat(a.status()).as(lang).isEqualTo(200);
            assertThat(a.headers()).as(lang).containsEntry("content-language", "zh-CN");
            assertThat(a.json().get("title").asText()).as(lang).isEqualTo("黄山一日游");
        }
    }

    @Test
    void withoutTheCapabilityNoContentFieldIsShown() {
        Answer a = product("/octo/products/tour", "octo/pricing", "en");
        assertThat(a.headers()).doesNotContainKey("content-language");
        JsonNode p = a.json();
        for (String f : List.of("shortDescription", "description", "features", "faqs", "media", "locations")) {
            assertThat(p.has(f)).as(f).isFalse();
            assertThat(p.get("options").get(0).has(f)).as(f).isFalse();
        }
        assertThat(p.get("title").asText()).isEqualTo("Product tour"); // as before: the internal name
        JsonNode av = ts.send(
                        "POST",
                        "/octo/availability",
                        key,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDate\":\"2026-06-02\"}",
                        Map.of())
                .json();
        assertThat(av.get(0).has("shortDescription")).isFalse();
    }

    @Test
    void aProductWithoutContentShowsItsNamesAndEmptyFields() {
        JsonNode p = product("/octo/products/bare", CONTENT, "en").json();
        assertThat(p.fieldNames()).toIterable().containsAll(PRODUCT_FIELDS);
        assertThat(p.get("title").asText()).isEqualTo("Product bare");
        assertThat(p.get("shortDescription").isNull()).isTrue();
        assertThat(p.get("faqs")).isEmpty();
        assertThat(p.get("durationMinutesFrom").asInt()).isEqualTo(60);
        assertThat(p.get("locale").asText()).isEqualTo(ContentService.FALLBACK_LOCALE);
    }

    @Test
    void theProductListAndAvailabilityAnswerInOneLanguage() {
        Answer list = product("/octo/products", CONTENT, "en");
        assertThat(list.headers()).containsEntry("content-language", "en");
        JsonNode tour = null;
        for (JsonNode p : list.json()) {
            assertThat(p.fieldNames()).toIterable().containsAll(PRODUCT_FIELDS);
            tour = p.get("id").asText().equals("tour") ? p : tour;
        }
        assertThat(tour.get("title").asText()).isEqualTo("Huangshan day tour");
        Answer av = ts.send(
                "POST",
                "/octo/availability",
                key,
                "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDate\":\"2026-06-02\"}",
                Map.of("Octo-Capabilities", CONTENT, "Accept-Language", "en"));
        assertThat(av.headers()).containsEntry("content-language", "en");
        JsonNode first = av.json().get(0);
        assertThat(first.has("title") && first.get("title").isNull()).isTrue();
        assertThat(first.get("shortDescription").asText()).isEqualTo("08:00–10:00");
    }

    @Test
    void theCoverImageIsServedPublicly() {
        byte[] png = ts.getBytes("/media/huangshan-cover.png", "no-credentials-needed");
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(ts.get("/media/nope.png", null).status()).isEqualTo(404);
        assertThat(ts.get("/media/..%2Fdemo%2Fcontent.json", null).status()).isEqualTo(404);
    }
}
