package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.Product;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two OTAs list the park (issue 16, {@code octo/content}): Ctrip's Chinese site reads the products in Chinese, Trip.com's
 * English site in English, each through sdk-channel asking for {@code octo/content} with its own Accept-Language. The
 * English site shows the FAQs and the cover image the park serves itself; the operator corrects an English text and
 * the next read shows it; a Japanese visitor gets the park's own language, said so in Content-Language.
 */
class OtaReadsTheParkInTwoLanguagesTest {
    @TempDir
    Path dir;

    @Test
    void ctripReadsChineseTripComReadsEnglishAndTheOperatorsCorrectionShows() throws Exception {
        try (Park park = Park.open(dir);
                ChannelClient ctrip = ota(park, "ctrip", "zh-CN,zh;q=0.9");
                ChannelClient tripCom = ota(park, "trip-com", "en-GB,en;q=0.9,zh;q=0.5")) {
            Product zh = ctrip.product("park-entry");
            assertThat(zh.getLocale()).isEqualTo("zh-CN");
            assertThat(zh.getTitle()).isEqualTo("黄山风景区门票（分时段入园）");
            assertThat(zh.getShortDescription()).contains("二维码");
            assertThat(zh.defaultOption().getUnits().get(0).getTitle()).isEqualTo("成人");

            Product en = tripCom.product("park-entry");
            assertThat(en.getLocale()).isEqualTo("en");
            assertThat(en.getTitle()).isEqualTo("Huangshan Scenic Area timed entry");
            assertThat(en.defaultOption().getUnits().get(0).getTitle()).isEqualTo("Adult");
            assertThat(tripCom.products())
                    .extracting(Product::getTitle)
                    .contains("Huangshan Museum day ticket", "Park entry + Yungu cable car");

            // the English site's product page: FAQs and the cover, which the park serves itself
            Answer page = read(park, "trip-com", "/octo/products/museum-day", "en");
            assertThat(page.headers()).containsEntry("content-language", "en");
            JsonNode museum = page.json();
            assertThat(museum.get("faqs")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(museum.get("faqs").get(0).get("question").asText()).isEqualTo("When is the museum open?");
            String cover = museum.get("media").get(0).get("src").asText();
            assertThat(cover).startsWith(park.server.url("/media/"));
            assertThat(park.server.getBytes(cover.substring(park.server.url("").length()), "anyone"))
                    .startsWith(0x89, 'P', 'N', 'G');

            // the operator corrects the English short description; the next read shows it
            Answer current = park.admin("GET", "/admin/v1/products/park-entry/content/en", null);
            String corrected = current.body()
                    .replace(
                            en.getShortDescription(),
                            "Enter Huangshan in your time slot; your phone's QR code is your ticket.")
                    .replace("\"updatedBy\":\"demo\"", "\"updatedBy\":\"operator.wang\"");
            assertThat(park.admin("PUT", "/admin/v1/products/park-entry/content/en", corrected)
                            .status())
                    .isEqualTo(200);
            assertThat(tripCom.product("park-entry").getShortDescription())
                    .isEqualTo("Enter Huangshan in your time slot; your phone's QR code is your ticket.");
            assertThat(ctrip.product("park-entry").getShortDescription()).isEqualTo(zh.getShortDescription());

            // a language the park has no content in: its own, and the answer says which
            Answer ja = read(park, "ctrip", "/octo/products/park-entry", "ja-JP");
            assertThat(ja.headers()).containsEntry("content-language", "zh-CN");
            assertThat(ja.headers().get("available-languages")).contains("zh-CN", "en");
            assertThat(ja.json().get("title").asText()).isEqualTo(zh.getTitle());
        }
    }

    private static ChannelClient ota(Park park, String channel, String languages) {
        return ChannelClient.builder()
                .baseUrl(park.server.url("/octo"))
                .apiKey(park.demo.channelKeys().get(channel))
                .capabilities(List.of(OctoCapabilities.PRICING, OctoCapabilities.CONTENT))
                .acceptLanguage(languages)
                .build();
    }

    private static Answer read(Park park, String channel, String path, String language) {
        return park.server.send(
                "GET",
                path,
                park.demo.channelKeys().get(channel),
                null,
                Map.of("Octo-Capabilities", OctoCapabilities.CONTENT, "Accept-Language", language));
    }
}
