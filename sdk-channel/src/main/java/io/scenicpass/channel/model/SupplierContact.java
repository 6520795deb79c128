// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Contact details of the supplier (the scenic area).
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
public class SupplierContact {
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("website")
    private String website;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("email")
    private String email;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("telephone")
    private String telephone;

    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("address")
    private String address;

    /** Creates an empty instance; fill it with the fluent setters. */
    public SupplierContact() {}

    /** @return the website */
    public String getWebsite() {
        return website;
    }

    /**
     * @param value the website
     * @return this
     */
    public SupplierContact website(String value) {
        this.website = value;
        return this;
    }

    /** @return the e-mail address */
    public String getEmail() {
        return email;
    }

    /**
     * @param value the e-mail address
     * @return this
     */
    public SupplierContact email(String value) {
        this.email = value;
        return this;
    }

    /** @return the telephone number */
    public String getTelephone() {
        return telephone;
    }

    /**
     * @param value the telephone number
     * @return this
     */
    public SupplierContact telephone(String value) {
        this.telephone = value;
        return this;
    }

    /** @return the postal address */
    public String getAddress() {
        return address;
    }

    /**
     * @param value the postal address
     * @return this
     */
    public SupplierContact address(String value) {
        this.address = value;
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
        SupplierContact that = (SupplierContact) o;
        return Objects.equals(website, that.website)
                && Objects.equals(email, that.email)
                && Objects.equals(telephone, that.telephone)
                && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(website, email, telephone, address);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "SupplierContact{" + "website=" + website + ", " + "email=" + email + ", " + "telephone=" + telephone
                + ", " + "address=" + address + "}";
    }
}
