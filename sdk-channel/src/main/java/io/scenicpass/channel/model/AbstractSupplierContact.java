// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates SupplierContact.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * Contact details of the supplier (the scenic area).
 */
@Value.Modifiable
@OctoValue
abstract class AbstractSupplierContact {

    /** @return the website */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("website")
    public abstract @Nullable String getWebsite();

    /** @return the e-mail address */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("email")
    public abstract @Nullable String getEmail();

    /** @return the telephone number */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("telephone")
    public abstract @Nullable String getTelephone();

    /** @return the postal address */
    @JsonInclude(JsonInclude.Include.ALWAYS) // OCTO: required, null when unknown
    @JsonProperty("address")
    public abstract @Nullable String getAddress();
}
