// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A unit item in a reservation or update request.
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
public class UnitItemRequest {
    @JsonProperty("uuid")
    private String uuid;

    @JsonProperty("unitId")
    private String unitId;

    @JsonProperty("resellerReference")
    private String resellerReference;

    @JsonProperty("contact")
    private Contact contact;

    @JsonProperty("identity")
    private Identity identity;

    /** Creates an empty instance; fill it with the fluent setters. */
    public UnitItemRequest() {}

    /** @return an optional client-chosen uuid for the item (idempotency) */
    public String getUuid() {
        return uuid;
    }

    /**
     * @param value an optional client-chosen uuid for the item (idempotency)
     * @return this
     */
    public UnitItemRequest uuid(String value) {
        this.uuid = value;
        return this;
    }

    /** @return the unit id */
    public String getUnitId() {
        return unitId;
    }

    /**
     * @param value the unit id
     * @return this
     */
    public UnitItemRequest unitId(String value) {
        this.unitId = value;
        return this;
    }

    /** @return the channel's reference for the item */
    public String getResellerReference() {
        return resellerReference;
    }

    /**
     * @param value the channel's reference for the item
     * @return this
     */
    public UnitItemRequest resellerReference(String value) {
        this.resellerReference = value;
        return this;
    }

    /** @return the item holder's contact */
    public Contact getContact() {
        return contact;
    }

    /**
     * @param value the item holder's contact
     * @return this
     */
    public UnitItemRequest contact(Contact value) {
        this.contact = value;
        return this;
    }

    /** @return the visitor's identity document (ScenicPass extension for real-name tickets), or null */
    public Identity getIdentity() {
        return identity;
    }

    /**
     * @param value the visitor's identity document (ScenicPass extension: real-name tickets, concession age proof)
     * @return this
     */
    public UnitItemRequest identity(Identity value) {
        this.identity = value;
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
        UnitItemRequest that = (UnitItemRequest) o;
        return Objects.equals(uuid, that.uuid)
                && Objects.equals(unitId, that.unitId)
                && Objects.equals(resellerReference, that.resellerReference)
                && Objects.equals(contact, that.contact)
                && Objects.equals(identity, that.identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, unitId, resellerReference, contact, identity);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "UnitItemRequest{" + "uuid=" + uuid + ", " + "unitId=" + unitId + ", " + "resellerReference="
                + resellerReference + ", " + "contact=" + contact + ", identity=" + identity + "}";
    }
}
