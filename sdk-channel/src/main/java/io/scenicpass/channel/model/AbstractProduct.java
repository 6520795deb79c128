// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Product.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * A product answered by {@code GET /products} and {@code GET /products/{id}}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractProduct {

    /** @return the product id */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return the internal name */
    @JsonProperty("internalName")
    public abstract @Nullable String getInternalName();

    /** @return the supplier's reference */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("reference")
    public abstract @Nullable String getReference();

    /** @return the title shown to customers (octo/content) */
    @JsonProperty("title")
    public abstract @Nullable String getTitle();

    /** @return a short description (octo/content) */
    @JsonProperty("shortDescription")
    public abstract @Nullable String getShortDescription();

    /** @return the locale of texts, e.g. {@code zh-CN} */
    @JsonProperty("locale")
    public abstract @Nullable String getLocale();

    /** @return the IANA time zone of the product, e.g. {@code Asia/Shanghai} */
    @JsonProperty("timeZone")
    public abstract @Nullable String getTimeZone();

    /** @return whether bookings without availability check are allowed */
    @JsonProperty("allowFreesale")
    public abstract boolean isAllowFreesale();

    /** @return whether bookings are confirmed instantly */
    @JsonProperty("instantConfirmation")
    public abstract boolean isInstantConfirmation();

    /** @return whether tickets are delivered instantly */
    @JsonProperty("instantDelivery")
    public abstract boolean isInstantDelivery();

    /** @return whether an availability id is required to book */
    @JsonProperty("availabilityRequired")
    public abstract boolean isAvailabilityRequired();

    /** @return how availability is expressed */
    @JsonProperty("availabilityType")
    public abstract @Nullable AvailabilityType getAvailabilityType();

    /** The list as set or read (null when absent); {@link #getDeliveryFormats()} for a never-null view. */
    @JsonProperty("deliveryFormats")
    abstract @Nullable List<DeliveryFormat> deliveryFormats();

    /** @return the ticket formats (never null; empty when absent) */
    public final List<DeliveryFormat> getDeliveryFormats() {
        return ModelLists.view(deliveryFormats());
    }

    /** The list as set or read (null when absent); {@link #getDeliveryMethods()} for a never-null view. */
    @JsonProperty("deliveryMethods")
    abstract @Nullable List<DeliveryMethod> deliveryMethods();

    /** @return the delivery methods (never null; empty when absent) */
    public final List<DeliveryMethod> getDeliveryMethods() {
        return ModelLists.view(deliveryMethods());
    }

    /** @return how tickets are redeemed */
    @JsonProperty("redemptionMethod")
    public abstract @Nullable RedemptionMethod getRedemptionMethod();

    /** @return the default currency (octo/pricing) */
    @JsonProperty("defaultCurrency")
    public abstract @Nullable String getDefaultCurrency();

    /** The list as set or read (null when absent); {@link #getAvailableCurrencies()} for a never-null view. */
    @JsonProperty("availableCurrencies")
    abstract @Nullable List<String> availableCurrencies();

    /** @return the available currencies (octo/pricing) (never null; empty when absent) */
    public final List<String> getAvailableCurrencies() {
        return ModelLists.view(availableCurrencies());
    }

    /** @return how prices apply (octo/pricing): {@code UNIT} (each unit item its price) or {@code BOOKING} */
    @JsonProperty("pricingPer")
    public abstract @Nullable String getPricingPer();

    /** @return what the product's passes allow beyond one entry (ScenicPass extension; null: single entry) */
    @JsonProperty("passTerms")
    public abstract @Nullable PassTerms getPassTerms();

    /** The list as set or read (null when absent); {@link #getOptions()} for a never-null view. */
    @JsonProperty("options")
    abstract @Nullable List<Option> options();

    /** @return the options (never null; empty when absent) */
    public final List<Option> getOptions() {
        return ModelLists.view(options());
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
}
