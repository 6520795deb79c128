// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Identity.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * ScenicPass extension to OCTO unit items: the visitor's identity document for real-name tickets (实名制). Sent on
 * reserve, PATCH and confirm as {@code unitItems[].identity}; answers show it masked ({@code 3301**********1234},
 * {@code 王**}). Types: {@code CN_ID}, {@code PASSPORT} (with {@code country}, ISO 3166 alpha-3),
 * {@code HK_MO_PERMIT}, {@code TW_PERMIT}, {@code FOREIGNER_PR}. See docs/channel-integration.md § Real-name tickets.
 *
 * <p>{@link #toString()} never shows the number or the name, so requests can be logged.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractIdentity {

    /** @return the document type, e.g. {@code CN_ID} */
    @JsonProperty("type")
    public abstract @Nullable String getType();

    /** @return the document number (masked in answers) */
    @JsonProperty("number")
    @Value.Redacted
    public abstract @Nullable String getNumber();

    /** @return the holder's name as on the document (masked in answers) */
    @JsonProperty("name")
    @Value.Redacted
    public abstract @Nullable String getName();

    /** @return the issuing country of a passport (ISO 3166 alpha-3) */
    @JsonProperty("country")
    public abstract @Nullable String getCountry();
}
