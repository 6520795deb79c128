// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A unit and a quantity in an availability request.
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
public class UnitQuantity {
    @JsonProperty("id")
    private String id;

    @JsonProperty("quantity")
    private Integer quantity;

    /** Creates an empty instance; fill it with the fluent setters. */
    public UnitQuantity() {}

    /** @return the unit id */
    public String getId() {
        return id;
    }

    /**
     * @param value the unit id
     * @return this
     */
    public UnitQuantity id(String value) {
        this.id = value;
        return this;
    }

    /** @return the quantity */
    public Integer getQuantity() {
        return quantity;
    }

    /**
     * @param value the quantity
     * @return this
     */
    public UnitQuantity quantity(Integer value) {
        this.quantity = value;
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
        UnitQuantity that = (UnitQuantity) o;
        return Objects.equals(id, that.id) && Objects.equals(quantity, that.quantity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, quantity);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "UnitQuantity{" + "id=" + id + ", " + "quantity=" + quantity + "}";
    }
}
