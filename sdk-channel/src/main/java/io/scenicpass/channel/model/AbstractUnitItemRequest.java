// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates UnitItemRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * A unit item in a reservation or update request.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractUnitItemRequest {

    /** @return an optional client-chosen uuid for the item (idempotency) */
    @JsonProperty("uuid")
    public abstract @Nullable String getUuid();

    /** @return the unit id */
    @JsonProperty("unitId")
    public abstract @Nullable String getUnitId();

    /** @return the channel's reference for the item */
    @JsonProperty("resellerReference")
    public abstract @Nullable String getResellerReference();

    /** @return the item holder's contact */
    @JsonProperty("contact")
    public abstract @Nullable Contact getContact();

    /** @return the visitor's identity document (ScenicPass extension for real-name tickets), or null */
    @JsonProperty("identity")
    public abstract @Nullable Identity getIdentity();
}
