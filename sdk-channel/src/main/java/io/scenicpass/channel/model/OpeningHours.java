// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * An opening-hours interval in local time ({@code HH:mm}).
 *
 * <p>Mutable with fluent setters while being built; getters return unmodifiable views of lists.
 * Jackson reads and writes the fields directly, so any {@code ObjectMapper} gives the same JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class OpeningHours {
    @JsonProperty("from")
    private String from;

    @JsonProperty("to")
    private String to;

    /** Creates an empty instance; fill it with the fluent setters. */
    public OpeningHours() {}

    /** @return the opening time */
    public String getFrom() {
        return from;
    }

    /**
     * @param value the opening time
     * @return this
     */
    public OpeningHours from(String value) {
        this.from = value;
        return this;
    }

    /** @return the closing time */
    public String getTo() {
        return to;
    }

    /**
     * @param value the closing time
     * @return this
     */
    public OpeningHours to(String value) {
        this.to = value;
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
        OpeningHours that = (OpeningHours) o;
        return Objects.equals(from, that.from) && Objects.equals(to, that.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "OpeningHours{" + "from=" + from + ", " + "to=" + to + "}";
    }
}
