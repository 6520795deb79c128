// Part of the ScenicPass OCTO v1 wire model (sdk-channel): the value type; Immutables generates PassTerms.

package io.scenicpass.channel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;

/**
 * ScenicPass extension to OCTO products: what the passes of a day, multi-day, N-entry or annual pass product allow
 * ({@code passTerms} on the product; absent for plain single-entry tickets). See docs/channel-integration.md § Day,
 * multi-day, N-entry and annual passes.
 */
@Value.Modifiable
@OctoValue
abstract class AbstractPassTerms {

    /** @return {@code SINGLE}, {@code AFTER_EXIT} (re-entry after scanning out) or {@code UNLIMITED} */
    @JsonProperty("reentry")
    public abstract @Nullable String getReentry();

    /** @return entries in total (0: unlimited) */
    @JsonProperty("entriesAllowed")
    public abstract @Nullable Integer getEntriesAllowed();

    /** @return entries on one day (0: no daily cap; an annual pass: 1) */
    @JsonProperty("entriesPerDay")
    public abstract @Nullable Integer getEntriesPerDay();

    /** @return distinct days of the window the pass may be used on (0: every day of it) */
    @JsonProperty("daysAllowed")
    public abstract @Nullable Integer getDaysAllowed();

    /** @return days from the visit date the pass is valid (1: the visit day) */
    @JsonProperty("windowDays")
    public abstract @Nullable Integer getWindowDays();

    /** @return an annual pass: months of validity from activation (0: not an annual pass) */
    @JsonProperty("validityMonths")
    public abstract @Nullable Integer getValidityMonths();

    /** @return an annual pass: days after purchase by which the holder must activate it */
    @JsonProperty("activationDays")
    public abstract @Nullable Integer getActivationDays();

    /** @return an annual pass: fee (minor units) the park keeps from a pro-rata refund */
    @JsonProperty("refundFee")
    public abstract @Nullable Long getRefundFee();
}
