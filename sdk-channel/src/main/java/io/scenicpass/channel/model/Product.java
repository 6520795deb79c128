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
 * A product answered by {@code GET /products} and {@code GET /products/{id}}.
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
public class Product {
    @JsonProperty("id")
    private String id;

    @JsonProperty("internalName")
    private String internalName;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reference")
    private String reference;

    @JsonProperty("title")
    private String title;

    @JsonProperty("shortDescription")
    private String shortDescription;

    @JsonProperty("locale")
    private String locale;

    @JsonProperty("timeZone")
    private String timeZone;

    @JsonProperty("allowFreesale")
    private boolean allowFreesale;

    @JsonProperty("instantConfirmation")
    private boolean instantConfirmation;

    @JsonProperty("instantDelivery")
    private boolean instantDelivery;

    @JsonProperty("availabilityRequired")
    private boolean availabilityRequired;

    @JsonProperty("availabilityType")
    private AvailabilityType availabilityType;

    @JsonProperty("deliveryFormats")
    private List<DeliveryFormat> deliveryFormats;

    @JsonProperty("deliveryMethods")
    private List<DeliveryMethod> deliveryMethods;

    @JsonProperty("redemptionMethod")
    private RedemptionMethod redemptionMethod;

    @JsonProperty("defaultCurrency")
    private String defaultCurrency;

    @JsonProperty("availableCurrencies")
    private List<String> availableCurrencies;

    @JsonProperty("pricingPer")
    private String pricingPer;

    @JsonProperty("options")
    private List<Option> options;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Product() {}

    /** @return the product id */
    public String getId() {
        return id;
    }

    /**
     * @param value the product id
     * @return this
     */
    public Product id(String value) {
        this.id = value;
        return this;
    }

    /** @return the internal name */
    public String getInternalName() {
        return internalName;
    }

    /**
     * @param value the internal name
     * @return this
     */
    public Product internalName(String value) {
        this.internalName = value;
        return this;
    }

    /** @return the supplier's reference */
    public String getReference() {
        return reference;
    }

    /**
     * @param value the supplier's reference
     * @return this
     */
    public Product reference(String value) {
        this.reference = value;
        return this;
    }

    /** @return the title shown to customers (octo/content) */
    public String getTitle() {
        return title;
    }

    /**
     * @param value the title shown to customers (octo/content)
     * @return this
     */
    public Product title(String value) {
        this.title = value;
        return this;
    }

    /** @return a short description (octo/content) */
    public String getShortDescription() {
        return shortDescription;
    }

    /**
     * @param value a short description (octo/content)
     * @return this
     */
    public Product shortDescription(String value) {
        this.shortDescription = value;
        return this;
    }

    /** @return the locale of texts, e.g. {@code zh-CN} */
    public String getLocale() {
        return locale;
    }

    /**
     * @param value the locale of texts, e.g. {@code zh-CN}
     * @return this
     */
    public Product locale(String value) {
        this.locale = value;
        return this;
    }

    /** @return the IANA time zone of the product, e.g. {@code Asia/Shanghai} */
    public String getTimeZone() {
        return timeZone;
    }

    /**
     * @param value the IANA time zone of the product, e.g. {@code Asia/Shanghai}
     * @return this
     */
    public Product timeZone(String value) {
        this.timeZone = value;
        return this;
    }

    /** @return whether bookings without availability check are allowed */
    public boolean isAllowFreesale() {
        return allowFreesale;
    }

    /**
     * @param value whether bookings without availability check are allowed
     * @return this
     */
    public Product allowFreesale(boolean value) {
        this.allowFreesale = value;
        return this;
    }

    /** @return whether bookings are confirmed instantly */
    public boolean isInstantConfirmation() {
        return instantConfirmation;
    }

    /**
     * @param value whether bookings are confirmed instantly
     * @return this
     */
    public Product instantConfirmation(boolean value) {
        this.instantConfirmation = value;
        return this;
    }

    /** @return whether tickets are delivered instantly */
    public boolean isInstantDelivery() {
        return instantDelivery;
    }

    /**
     * @param value whether tickets are delivered instantly
     * @return this
     */
    public Product instantDelivery(boolean value) {
        this.instantDelivery = value;
        return this;
    }

    /** @return whether an availability id is required to book */
    public boolean isAvailabilityRequired() {
        return availabilityRequired;
    }

    /**
     * @param value whether an availability id is required to book
     * @return this
     */
    public Product availabilityRequired(boolean value) {
        this.availabilityRequired = value;
        return this;
    }

    /** @return how availability is expressed */
    public AvailabilityType getAvailabilityType() {
        return availabilityType;
    }

    /**
     * @param value how availability is expressed
     * @return this
     */
    public Product availabilityType(AvailabilityType value) {
        this.availabilityType = value;
        return this;
    }

    /** @return the ticket formats (never null; empty when absent) */
    public List<DeliveryFormat> getDeliveryFormats() {
        return deliveryFormats == null ? Collections.emptyList() : Collections.unmodifiableList(deliveryFormats);
    }

    /**
     * @param value the ticket formats (copied; null to omit)
     * @return this
     */
    public Product deliveryFormats(List<DeliveryFormat> value) {
        this.deliveryFormats = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the delivery methods (never null; empty when absent) */
    public List<DeliveryMethod> getDeliveryMethods() {
        return deliveryMethods == null ? Collections.emptyList() : Collections.unmodifiableList(deliveryMethods);
    }

    /**
     * @param value the delivery methods (copied; null to omit)
     * @return this
     */
    public Product deliveryMethods(List<DeliveryMethod> value) {
        this.deliveryMethods = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return how tickets are redeemed */
    public RedemptionMethod getRedemptionMethod() {
        return redemptionMethod;
    }

    /**
     * @param value how tickets are redeemed
     * @return this
     */
    public Product redemptionMethod(RedemptionMethod value) {
        this.redemptionMethod = value;
        return this;
    }

    /** @return the default currency (octo/pricing) */
    public String getDefaultCurrency() {
        return defaultCurrency;
    }

    /**
     * @param value the default currency (octo/pricing)
     * @return this
     */
    public Product defaultCurrency(String value) {
        this.defaultCurrency = value;
        return this;
    }

    /** @return the available currencies (octo/pricing) (never null; empty when absent) */
    public List<String> getAvailableCurrencies() {
        return availableCurrencies == null
                ? Collections.emptyList()
                : Collections.unmodifiableList(availableCurrencies);
    }

    /**
     * @param value the available currencies (octo/pricing) (copied; null to omit)
     * @return this
     */
    public Product availableCurrencies(List<String> value) {
        this.availableCurrencies = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return how prices apply (octo/pricing): {@code UNIT} (each unit item its price) or {@code BOOKING} */
    public String getPricingPer() {
        return pricingPer;
    }

    /**
     * @param value how prices apply (octo/pricing): {@code UNIT} or {@code BOOKING}; null to omit
     * @return this
     */
    public Product pricingPer(String value) {
        this.pricingPer = value;
        return this;
    }

    /** @return the options (never null; empty when absent) */
    public List<Option> getOptions() {
        return options == null ? Collections.emptyList() : Collections.unmodifiableList(options);
    }

    /**
     * @param value the options (copied; null to omit)
     * @return this
     */
    public Product options(List<Option> value) {
        this.options = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /**
     * Finds an option by id.
     *
     * @param optionId the option id
     * @return the option, or null when the product has no such option
     */
    public Option findOption(String optionId) {
        for (Option o : getOptions()) {
            if (o.getId() != null && o.getId().equals(optionId)) {
                return o;
            }
        }
        return null;
    }

    /** @return the default option, else the first option, else null */
    public Option defaultOption() {
        for (Option o : getOptions()) {
            if (o.isDefaultOption()) {
                return o;
            }
        }
        return getOptions().isEmpty() ? null : getOptions().get(0);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Product that = (Product) o;
        return Objects.equals(id, that.id)
                && Objects.equals(internalName, that.internalName)
                && Objects.equals(reference, that.reference)
                && Objects.equals(title, that.title)
                && Objects.equals(shortDescription, that.shortDescription)
                && Objects.equals(locale, that.locale)
                && Objects.equals(timeZone, that.timeZone)
                && Objects.equals(allowFreesale, that.allowFreesale)
                && Objects.equals(instantConfirmation, that.instantConfirmation)
                && Objects.equals(instantDelivery, that.instantDelivery)
                && Objects.equals(availabilityRequired, that.availabilityRequired)
                && Objects.equals(availabilityType, that.availabilityType)
                && Objects.equals(deliveryFormats, that.deliveryFormats)
                && Objects.equals(deliveryMethods, that.deliveryMethods)
                && Objects.equals(redemptionMethod, that.redemptionMethod)
                && Objects.equals(defaultCurrency, that.defaultCurrency)
                && Objects.equals(availableCurrencies, that.availableCurrencies)
                && Objects.equals(pricingPer, that.pricingPer)
                && Objects.equals(options, that.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                internalName,
                reference,
                title,
                shortDescription,
                locale,
                timeZone,
                allowFreesale,
                instantConfirmation,
                instantDelivery,
                availabilityRequired,
                availabilityType,
                deliveryFormats,
                deliveryMethods,
                redemptionMethod,
                defaultCurrency,
                availableCurrencies,
                pricingPer,
                options);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Product{" + "id=" + id + ", " + "internalName=" + internalName + ", " + "reference=" + reference + ", "
                + "title=" + title + ", " + "shortDescription=" + shortDescription + ", " + "locale=" + locale + ", "
                + "timeZone=" + timeZone + ", " + "allowFreesale=" + allowFreesale + ", " + "instantConfirmation="
                + instantConfirmation + ", " + "instantDelivery=" + instantDelivery + ", " + "availabilityRequired="
                + availabilityRequired + ", " + "availabilityType=" + availabilityType + ", " + "deliveryFormats="
                + deliveryFormats + ", " + "deliveryMethods=" + deliveryMethods + ", " + "redemptionMethod="
                + redemptionMethod + ", " + "defaultCurrency=" + defaultCurrency + ", " + "availableCurrencies="
                + availableCurrencies + ", " + "pricingPer=" + pricingPer + ", " + "options=" + options + "}";
    }
}
