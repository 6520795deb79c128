// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A price in minor units (capability {@code octo/pricing}).
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
public class Pricing {
    @JsonProperty("original")
    private Integer original;

    @JsonProperty("retail")
    private Integer retail;

    @JsonProperty("net")
    private Integer net;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("currencyPrecision")
    private Integer currencyPrecision;

    @JsonProperty("includedTaxes")
    private List<Tax> includedTaxes;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Pricing() {}

    /** @return the original (undiscounted) price in minor units */
    public Integer getOriginal() {
        return original;
    }

    /**
     * @param value the original (undiscounted) price in minor units
     * @return this
     */
    public Pricing original(Integer value) {
        this.original = value;
        return this;
    }

    /** @return the retail price in minor units */
    public Integer getRetail() {
        return retail;
    }

    /**
     * @param value the retail price in minor units
     * @return this
     */
    public Pricing retail(Integer value) {
        this.retail = value;
        return this;
    }

    /** @return the net price the channel pays, in minor units */
    public Integer getNet() {
        return net;
    }

    /**
     * @param value the net price the channel pays, in minor units
     * @return this
     */
    public Pricing net(Integer value) {
        this.net = value;
        return this;
    }

    /** @return the ISO 4217 currency code */
    public String getCurrency() {
        return currency;
    }

    /**
     * @param value the ISO 4217 currency code
     * @return this
     */
    public Pricing currency(String value) {
        this.currency = value;
        return this;
    }

    /** @return the number of minor-unit digits (2 for CNY) */
    public Integer getCurrencyPrecision() {
        return currencyPrecision;
    }

    /**
     * @param value the number of minor-unit digits (2 for CNY)
     * @return this
     */
    public Pricing currencyPrecision(Integer value) {
        this.currencyPrecision = value;
        return this;
    }

    /** @return the taxes included in the price (never null; empty when absent) */
    public List<Tax> getIncludedTaxes() {
        return includedTaxes == null ? Collections.emptyList() : Collections.unmodifiableList(includedTaxes);
    }

    /**
     * @param value the taxes included in the price (copied; null to omit)
     * @return this
     */
    public Pricing includedTaxes(List<Tax> value) {
        this.includedTaxes = value == null ? null : new ArrayList<>(value);
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
        Pricing that = (Pricing) o;
        return Objects.equals(original, that.original)
                && Objects.equals(retail, that.retail)
                && Objects.equals(net, that.net)
                && Objects.equals(currency, that.currency)
                && Objects.equals(currencyPrecision, that.currencyPrecision)
                && Objects.equals(includedTaxes, that.includedTaxes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, retail, net, currency, currencyPrecision, includedTaxes);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Pricing{" + "original=" + original + ", " + "retail=" + retail + ", " + "net=" + net + ", "
                + "currency=" + currency + ", " + "currencyPrecision=" + currencyPrecision + ", " + "includedTaxes="
                + includedTaxes + "}";
    }
}
