// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The supplier answering {@code GET /supplier}.
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
public class Supplier {
    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("endpoint")
    private String endpoint;

    @JsonProperty("contact")
    private SupplierContact contact;

    /** Creates an empty instance; fill it with the fluent setters. */
    public Supplier() {}

    /** @return the supplier id */
    public String getId() {
        return id;
    }

    /**
     * @param value the supplier id
     * @return this
     */
    public Supplier id(String value) {
        this.id = value;
        return this;
    }

    /** @return the name shown to customers */
    public String getName() {
        return name;
    }

    /**
     * @param value the name shown to customers
     * @return this
     */
    public Supplier name(String value) {
        this.name = value;
        return this;
    }

    /** @return the base URL of the OCTO API */
    public String getEndpoint() {
        return endpoint;
    }

    /**
     * @param value the base URL of the OCTO API
     * @return this
     */
    public Supplier endpoint(String value) {
        this.endpoint = value;
        return this;
    }

    /** @return the contact details */
    public SupplierContact getContact() {
        return contact;
    }

    /**
     * @param value the contact details
     * @return this
     */
    public Supplier contact(SupplierContact value) {
        this.contact = value;
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
        Supplier that = (Supplier) o;
        return Objects.equals(id, that.id)
                && Objects.equals(name, that.name)
                && Objects.equals(endpoint, that.endpoint)
                && Objects.equals(contact, that.contact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, endpoint, contact);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "Supplier{" + "id=" + id + ", " + "name=" + name + ", " + "endpoint=" + endpoint + ", " + "contact="
                + contact + "}";
    }
}
