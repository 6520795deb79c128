package io.scenicpass.server.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The OCTO content fields (octo/content of @octocloud/types 2.0), as operators give them and resellers see them.
 * Every field is written, null or empty when unknown, as OCTO requires with the capability.
 */
public final class Texts {
    private Texts() {}

    /** The content of a product or an option (OCTO ProductContent / OptionContent: the same fields). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Product(
            String title,
            String shortDescription,
            String description,
            List<Feature> features,
            List<Faq> faqs,
            List<Media> media,
            List<Location> locations,
            List<String> categoryLabels,
            Integer durationMinutesFrom,
            Integer durationMinutesTo,
            List<Commentary> commentary) {}

    /** The content of a unit (OCTO UnitContent). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Unit(String title, String shortDescription, List<Feature> features) {}

    /** An inclusion, exclusion, highlight, booking term… ({@code type} one of {@link ContentRules#FEATURE_TYPES}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Feature(String shortDescription, String type) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Faq(String question, String answer) {}

    /** An image or video; {@code src} absolute, or a path on this server ({@code /media/…}) answered absolute. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Media(String src, String type, String rel, String title, String caption, String copyright) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Location(
            String title,
            String shortDescription,
            List<String> types,
            Integer minutesTo,
            Integer minutesAt,
            Place place) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Place(
            Double latitude,
            Double longitude,
            PostalAddress postalAddress,
            Identifiers identifiers,
            List<String> sameAs) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PostalAddress(
            String streetAddress,
            String addressLocality,
            String addressRegion,
            String postalCode,
            String addressCountry,
            String postOfficeBoxNumber) {}

    /** Map and listing ids of a place (Amap and Baidu for China). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Identifiers(
            String googlePlaceId,
            String applePlaceId,
            String tripadvisorLocationId,
            String yelpPlaceId,
            String facebookPlaceId,
            String foursquarePlaceId,
            String baiduPlaceId,
            String amapPlaceId) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Commentary(String format, String language) {}
}
