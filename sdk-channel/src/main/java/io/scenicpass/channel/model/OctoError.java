// Part of the ScenicPass OCTO v1 wire model (sdk-channel). The server serialises these same classes.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The OCTO error body: {@code {error, errorMessage}} plus the offending id.
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
public class OctoError {
    @JsonProperty("error")
    private OctoErrorCode error;

    @JsonProperty("errorMessage")
    private String errorMessage;

    @JsonProperty("productId")
    private String productId;

    @JsonProperty("optionId")
    private String optionId;

    @JsonProperty("unitId")
    private String unitId;

    @JsonProperty("availabilityId")
    private String availabilityId;

    @JsonProperty("uuid")
    private String uuid;

    /** Creates an empty instance; fill it with the fluent setters. */
    public OctoError() {}

    /** @return the error code */
    public OctoErrorCode getError() {
        return error;
    }

    /**
     * @param value the error code
     * @return this
     */
    public OctoError error(OctoErrorCode value) {
        this.error = value;
        return this;
    }

    /** @return a human-readable message */
    public String getErrorMessage() {
        return errorMessage;
    }

    /**
     * @param value a human-readable message
     * @return this
     */
    public OctoError errorMessage(String value) {
        this.errorMessage = value;
        return this;
    }

    /** @return the offending product id */
    public String getProductId() {
        return productId;
    }

    /**
     * @param value the offending product id
     * @return this
     */
    public OctoError productId(String value) {
        this.productId = value;
        return this;
    }

    /** @return the offending option id */
    public String getOptionId() {
        return optionId;
    }

    /**
     * @param value the offending option id
     * @return this
     */
    public OctoError optionId(String value) {
        this.optionId = value;
        return this;
    }

    /** @return the offending unit id */
    public String getUnitId() {
        return unitId;
    }

    /**
     * @param value the offending unit id
     * @return this
     */
    public OctoError unitId(String value) {
        this.unitId = value;
        return this;
    }

    /** @return the offending availability id */
    public String getAvailabilityId() {
        return availabilityId;
    }

    /**
     * @param value the offending availability id
     * @return this
     */
    public OctoError availabilityId(String value) {
        this.availabilityId = value;
        return this;
    }

    /** @return the offending booking uuid */
    public String getUuid() {
        return uuid;
    }

    /**
     * @param value the offending booking uuid
     * @return this
     */
    public OctoError uuid(String value) {
        this.uuid = value;
        return this;
    }

    /** @return the offending id (product, option, unit, availability or booking uuid), or null */
    public String offendingId() {
        if (productId != null) {
            return productId;
        }
        if (optionId != null) {
            return optionId;
        }
        if (unitId != null) {
            return unitId;
        }
        if (availabilityId != null) {
            return availabilityId;
        }
        return uuid;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        OctoError that = (OctoError) o;
        return Objects.equals(error, that.error)
                && Objects.equals(errorMessage, that.errorMessage)
                && Objects.equals(productId, that.productId)
                && Objects.equals(optionId, that.optionId)
                && Objects.equals(unitId, that.unitId)
                && Objects.equals(availabilityId, that.availabilityId)
                && Objects.equals(uuid, that.uuid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(error, errorMessage, productId, optionId, unitId, availabilityId, uuid);
    }

    /** Personal data (names, e-mail, phone) is redacted so that this can be logged safely. */
    @Override
    public String toString() {
        return "OctoError{" + "error=" + error + ", " + "errorMessage=" + errorMessage + ", " + "productId=" + productId
                + ", " + "optionId=" + optionId + ", " + "unitId=" + unitId + ", " + "availabilityId=" + availabilityId
                + ", " + "uuid=" + uuid + "}";
    }
}
