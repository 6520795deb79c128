// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates OctoError.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * The OCTO error body: {@code {error, errorMessage}} plus the offending id.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractOctoError {

    /** @return the error code */
    @JsonProperty("error")
    public abstract @Nullable OctoErrorCode getError();

    /** @return a human-readable message */
    @JsonProperty("errorMessage")
    public abstract @Nullable String getErrorMessage();

    /** @return the offending product id */
    @JsonProperty("productId")
    public abstract @Nullable String getProductId();

    /** @return the offending option id */
    @JsonProperty("optionId")
    public abstract @Nullable String getOptionId();

    /** @return the offending unit id */
    @JsonProperty("unitId")
    public abstract @Nullable String getUnitId();

    /** @return the offending availability id */
    @JsonProperty("availabilityId")
    public abstract @Nullable String getAvailabilityId();

    /** @return the offending booking uuid */
    @JsonProperty("uuid")
    public abstract @Nullable String getUuid();

    /** @return the offending id (product, option, unit, availability or booking uuid), or null */
    public String offendingId() {
        if (getProductId() != null) {
            return getProductId();
        }
        if (getOptionId() != null) {
            return getOptionId();
        }
        if (getUnitId() != null) {
            return getUnitId();
        }
        if (getAvailabilityId() != null) {
            return getAvailabilityId();
        }
        return getUuid();
    }
}
