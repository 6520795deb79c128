package io.scenicpass.server.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What an operator PUTs to {@code /admin/v1/products/{id}/content/{locale}}: the product's content fields at the top
 * level (as OCTO shows them on the product), the options' and units' content by id, {@code default} (this language
 * is the product's fallback) and {@code updatedBy} (who, for the audit trail). GET answers the same shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContentDocument(
        String title,
        String shortDescription,
        String description,
        List<Texts.Feature> features,
        List<Texts.Faq> faqs,
        List<Texts.Media> media,
        List<Texts.Location> locations,
        List<String> categoryLabels,
        Integer durationMinutesFrom,
        Integer durationMinutesTo,
        List<Texts.Commentary> commentary,
        Map<String, Texts.Product> options,
        Map<String, Texts.Unit> units,
        @JsonProperty("default") Boolean isDefault,
        String updatedBy) {

    /** The product's own fields. */
    public Texts.Product product() {
        return new Texts.Product(
                title,
                shortDescription,
                description,
                features,
                faqs,
                media,
                locations,
                categoryLabels,
                durationMinutesFrom,
                durationMinutesTo,
                commentary);
    }

    /** A document of {@code p}'s fields with the options' and units' content. */
    public static ContentDocument of(
            Texts.Product p,
            Map<String, Texts.Product> options,
            Map<String, Texts.Unit> units,
            boolean isDefault,
            String updatedBy) {
        return new ContentDocument(
                p.title(),
                p.shortDescription(),
                p.description(),
                p.features(),
                p.faqs(),
                p.media(),
                p.locations(),
                p.categoryLabels(),
                p.durationMinutesFrom(),
                p.durationMinutesTo(),
                p.commentary(),
                options,
                units,
                isDefault,
                updatedBy);
    }
}
