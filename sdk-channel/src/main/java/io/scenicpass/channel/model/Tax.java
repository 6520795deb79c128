// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A tax included in a price (octo/pricing).
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
public class Tax {
    @JsonProperty("name")
    private String name;

    @JsonProperty("retail")
    private Integer retail;

    @JsonProperty("original")
    private Integer original;

    @JsonProperty("net")
    private Integer net;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Tax() {}

    /** @return the tax name */
    public String getName() {
        return name;
    }

    /**
     * @param value the tax name
     * @return this
     */
    public Tax name(String value) {
        this.name = value;
        return this;
    }

    /** @return the retail amount in minor units */
    public Integer getRetail() {
        return retail;
    }

    /**
     * @param value the retail amount in minor units
     * @return this
     */
    public Tax retail(Integer value) {
        this.retail = value;
        return this;
    }

    /** @return the original amount in minor units */
    public Integer getOriginal() {
        return original;
    }

    /**
     * @param value the original amount in minor units
     * @return this
     */
    public Tax original(Integer value) {
        this.original = value;
        return this;
    }

    /** @return the net amount in minor units */
    public Integer getNet() {
        return net;
    }

    /**
     * @param value the net amount in minor units
     * @return this
     */
    public Tax net(Integer value) {
        this.net = value;
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
        Tax that = (Tax) o;
        return Objects.equals(name, that.name)
                && Objects.equals(retail, that.retail)
                && Objects.equals(original, that.original)
                && Objects.equals(net, that.net);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, retail, original, net);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Tax{" + "name=" + name + ", " + "retail=" + retail + ", " + "original=" + original + ", " + "net=" + net
                + "}";
    }
}
