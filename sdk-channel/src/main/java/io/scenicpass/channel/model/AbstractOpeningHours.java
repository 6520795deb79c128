// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates OpeningHours.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * An opening-hours interval in local time ({@code HH:mm}).
 */
@Value.Modifiable
@OctoValue
abstract class AbstractOpeningHours {

    /** @return the opening time */
    @JsonProperty("from")
    public abstract @Nullable String getFrom();

    /** @return the closing time */
    @JsonProperty("to")
    public abstract @Nullable String getTo();
}
