// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Contact.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * Contact details of the lead traveller or of a unit item's holder. Personal data: never logged.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractContact {

    /** @return the full name */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("fullName")
    @Value.Redacted
    public abstract @Nullable String getFullName();

    /** @return the first name */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("firstName")
    @Value.Redacted
    public abstract @Nullable String getFirstName();

    /** @return the last name */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("lastName")
    @Value.Redacted
    public abstract @Nullable String getLastName();

    /** @return the e-mail address */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("emailAddress")
    @Value.Redacted
    public abstract @Nullable String getEmailAddress();

    /** @return the phone number */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("phoneNumber")
    @Value.Redacted
    public abstract @Nullable String getPhoneNumber();

    /** The list as set or read (null when absent); {@link #getLocales()} for a never-null view. */
    @JsonProperty("locales")
    abstract @Nullable List<String> locales();

    /** @return the preferred locales (never null; empty when absent) */
    public final List<String> getLocales() {
        return ModelLists.view(locales());
    }

    /** @return the postal code */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("postalCode")
    @Value.Redacted
    public abstract @Nullable String getPostalCode();

    /** @return the ISO 3166 country code */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("country")
    public abstract @Nullable String getCountry();

    /** @return free notes */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("notes")
    @Value.Redacted
    public abstract @Nullable String getNotes();
}
