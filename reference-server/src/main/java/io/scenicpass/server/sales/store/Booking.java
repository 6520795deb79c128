package io.scenicpass.server.sales.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A booking with its unit items. Status names are OCTO's (ON_HOLD, CONFIRMED, EXPIRED, CANCELLED, REDEEMED). */
public record Booking(String uuid, String channelId, String productId, String optionId, String slotId,
    String poolId, LocalDate localDate, String status, int quantity, int fromAllotment, String requestHash,
    String resellerReference, String supplierReference, String contactJson, String notes, String currency,
    long totalRetail, long totalNet, Instant expiresAt, Instant createdAt, Instant updatedAt,
    Instant confirmedAt, Instant cancelledAt, Instant redeemedAt, String cancelRefund, String cancelReason,
    List<UnitItem> unitItems) {

  /** One unit item of a booking (one visitor). */
  public record UnitItem(String uuid, int position, String unitId, String resellerReference,
      String supplierReference, long retail, long net, String passId) {

    /** This item with the id of the pass issued for it. */
    public UnitItem withPassId(String id) {
      return new UnitItem(uuid, position, unitId, resellerReference, supplierReference, retail, net, id);
    }
  }
}
