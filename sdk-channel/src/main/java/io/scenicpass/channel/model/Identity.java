// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * ScenicPass extension to OCTO unit items: the visitor's identity document for real-name tickets (实名制). Sent on
 * reserve, PATCH and confirm as {@code unitItems[].identity}; answers show it masked ({@code 3301**********1234},
 * {@code 王**}). Types: {@code CN_ID}, {@code PASSPORT} (with {@code country}, ISO 3166 alpha-3),
 * {@code HK_MO_PERMIT}, {@code TW_PERMIT}, {@code FOREIGNER_PR}. See docs/channel-integration.md § Real-name tickets.
 *
 * <p>{@link #toString()} never shows the number or the name, so requests can be logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Identity {
    @JsonProperty("type")
    private String type;

    @JsonProperty("number")
    private String number;

    @JsonProperty("name")
    private String name;

    @JsonProperty("country")
    private String country;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Identity() {}

    /** @return the document type, e.g. {@code CN_ID} */
    public String getType() {
        return type;
    }

    /**
     * @param value the document type: CN_ID, PASSPORT, HK_MO_PERMIT, TW_PERMIT or FOREIGNER_PR
     * @return this
     */
    public Identity type(String value) {
        this.type = value;
        return this;
    }

    /** @return the document number (masked in answers) */
    public String getNumber() {
        return number;
    }

    /**
     * @param value the document number
     * @return this
     */
    public Identity number(String value) {
        this.number = value;
        return this;
    }

    /** @return the holder's name as on the document (masked in answers) */
    public String getName() {
        return name;
    }

    /**
     * @param value the holder's name as on the document
     * @return this
     */
    public Identity name(String value) {
        this.name = value;
        return this;
    }

    /** @return the issuing country of a passport (ISO 3166 alpha-3) */
    public String getCountry() {
        return country;
    }

    /**
     * @param value the issuing country of a passport (ISO 3166 alpha-3)
     * @return this
     */
    public Identity country(String value) {
        this.country = value;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Identity that = (Identity) o;
        return Objects.equals(type, that.type)
                && Objects.equals(number, that.number)
                && Objects.equals(name, that.name)
                && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, number, name, country);
    }

    /** Number and name redacted: safe to log. */
    @Override
    public String toString() {
        return "Identity{type=" + type + ", number=" + (number == null ? null : "***") + ", name="
                + (name == null ? null : "***") + ", country=" + country + "}";
    }
}
