package io.scenicpass.server.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.content.ContentDocument;
import io.scenicpass.server.content.ContentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The demo products' content in zh-CN (their default) and en, from {@code demo/content.json}: titles, descriptions,
 * features, two or three FAQs, a cover image served by the server itself ({@code /media/…}).
 */
final class DemoContent {
    private DemoContent() {}

    static void seed(ContentService content) {
        Map<String, Map<String, ContentDocument>> all;
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/content.json")) {
            all = new ObjectMapper().readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/content.json", e);
        }
        all.forEach((productId, byLocale) -> byLocale.forEach((locale, doc) -> content.put(
                productId,
                locale,
                new ContentDocument(
                        doc.title(),
                        doc.shortDescription(),
                        doc.description(),
                        doc.features(),
                        doc.faqs(),
                        doc.media(),
                        doc.locations(),
                        doc.categoryLabels(),
                        doc.durationMinutesFrom(),
                        doc.durationMinutesTo(),
                        doc.commentary(),
                        doc.options(),
                        doc.units(),
                        locale.equals(ContentService.FALLBACK_LOCALE),
                        "demo"))));
    }
}
