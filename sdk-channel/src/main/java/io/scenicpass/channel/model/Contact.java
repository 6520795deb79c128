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
 * Contact details of the lead traveller or of a unit item's holder. Personal data: never logged.
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
public class Contact {
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("fullName")
    private String fullName;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("firstName")
    private String firstName;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("lastName")
    private String lastName;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("emailAddress")
    private String emailAddress;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("phoneNumber")
    private String phoneNumber;

    @JsonProperty("locales")
    private List<String> locales;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("postalCode")
    private String postalCode;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("country")
    private String country;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("notes")
    private String notes;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Contact() {}

    /** @return the full name */
    public String getFullName() {
        return fullName;
    }

    /**
     * @param value the full name
     * @return this
     */
    public Contact fullName(String value) {
        this.fullName = value;
        return this;
    }

    /** @return the first name */
    public String getFirstName() {
        return firstName;
    }

    /**
     * @param value the first name
     * @return this
     */
    public Contact firstName(String value) {
        this.firstName = value;
        return this;
    }

    /** @return the last name */
    public String getLastName() {
        return lastName;
    }

    /**
     * @param value the last name
     * @return this
     */
    public Contact lastName(String value) {
        this.lastName = value;
        return this;
    }

    /** @return the e-mail address */
    public String getEmailAddress() {
        return emailAddress;
    }

    /**
     * @param value the e-mail address
     * @return this
     */
    public Contact emailAddress(String value) {
        this.emailAddress = value;
        return this;
    }

    /** @return the phone number */
    public String getPhoneNumber() {
        return phoneNumber;
    }

    /**
     * @param value the phone number
     * @return this
     */
    public Contact phoneNumber(String value) {
        this.phoneNumber = value;
        return this;
    }

    /** @return the preferred locales (never null; empty when absent) */
    public List<String> getLocales() {
        return locales == null ? Collections.emptyList() : Collections.unmodifiableList(locales);
    }

    /**
     * @param value the preferred locales (copied; null to omit)
     * @return this
     */
    public Contact locales(List<String> value) {
        this.locales = value == null ? null : new ArrayList<>(value);
        return this;
    }

    /** @return the postal code */
    public String getPostalCode() {
        return postalCode;
    }

    /**
     * @param value the postal code
     * @return this
     */
    public Contact postalCode(String value) {
        this.postalCode = value;
        return this;
    }

    /** @return the ISO 3166 country code */
    public String getCountry() {
        return country;
    }

    /**
     * @param value the ISO 3166 country code
     * @return this
     */
    public Contact country(String value) {
        this.country = value;
        return this;
    }

    /** @return free notes */
    public String getNotes() {
        return notes;
    }

    /**
     * @param value free notes
     * @return this
     */
    public Contact notes(String value) {
        this.notes = value;
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
        Contact that = (Contact) o;
        return Objects.equals(fullName, that.fullName)
                && Objects.equals(firstName, that.firstName)
                && Objects.equals(lastName, that.lastName)
                && Objects.equals(emailAddress, that.emailAddress)
                && Objects.equals(phoneNumber, that.phoneNumber)
                && Objects.equals(locales, that.locales)
                && Objects.equals(postalCode, that.postalCode)
                && Objects.equals(country, that.country)
                && Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                fullName, firstName, lastName, emailAddress, phoneNumber, locales, postalCode, country, notes);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Contact{" + "fullName=" + (fullName == null ? "null" : "<redacted>") + ", " + "firstName="
                + (firstName == null ? "null" : "<redacted>") + ", " + "lastName="
                + (lastName == null ? "null" : "<redacted>") + ", " + "emailAddress="
                + (emailAddress == null ? "null" : "<redacted>") + ", " + "phoneNumber="
                + (phoneNumber == null ? "null" : "<redacted>") + ", " + "locales=" + locales + ", " + "postalCode="
                + (postalCode == null ? "null" : "<redacted>") + ", " + "country=" + country + ", " + "notes="
                + (notes == null ? "null" : "<redacted>") + "}";
    }
}
