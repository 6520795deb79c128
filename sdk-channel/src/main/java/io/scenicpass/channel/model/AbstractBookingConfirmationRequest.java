// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates
// BookingConfirmationRequest.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.immutables.value.Value;

/**
 * Body of {@code POST /bookings/{uuid}/confirm}.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractBookingConfirmationRequest {

    /** @return the channel's reference */
    @JsonProperty("resellerReference")
    public abstract @Nullable String getResellerReference();

    /** @return the lead contact */
    @JsonProperty("contact")
    public abstract @Nullable Contact getContact();

    /** The list as set or read (null when absent); {@link #getUnitItems()} for a never-null view. */
    @JsonProperty("unitItems")
    abstract @Nullable List<UnitItemRequest> unitItems();

    /** @return per-item contacts or references, optional (never null; empty when absent) */
    public final List<UnitItemRequest> getUnitItems() {
        return ModelLists.view(unitItems());
    }

    /** @return free notes */
    @JsonProperty("notes")
    public abstract @Nullable String getNotes();
}
