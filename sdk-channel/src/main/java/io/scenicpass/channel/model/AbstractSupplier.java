// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates Supplier.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * The supplier answering {@code GET /supplier}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractSupplier {

    /** @return the supplier id */
    @JsonProperty("id")
    public abstract @Nullable String getId();

    /** @return the name shown to customers */
    @JsonProperty("name")
    public abstract @Nullable String getName();

    /** @return the base URL of the OCTO API */
    @JsonProperty("endpoint")
    public abstract @Nullable String getEndpoint();

    /** @return the contact details */
    @JsonProperty("contact")
    public abstract @Nullable SupplierContact getContact();
}
