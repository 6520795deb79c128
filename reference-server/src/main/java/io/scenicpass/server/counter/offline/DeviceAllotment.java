package io.scenicpass.server.counter.offline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a box office needs to sell a slot offline ({@code GET /terminal/v1/counter/allotments}): the slot, its
 * allotment ({@code quantity}, of which {@code sold} already synced), the units with their prices, and the claims its
 * passes must carry ({@code pass}), the same as the server's own passes for that slot.
 */
public record DeviceAllotment(
        String slotId,
        String productId,
        String productName,
        String optionId,
        LocalDate localDate,
        String localStart,
        String localEnd,
        Instant start,
        Instant end,
        int quantity,
        int sold,
        String currency,
        List<UnitPrice> units,
        PassTemplate pass) {

    /** A unit the device may sell: its price in fen and what its passes say (party size, concession, ages). */
    public record UnitPrice(
            String id,
            String type,
            String name,
            long priceFen,
            int paxCount,
            boolean concession,
            Integer minAge,
            Integer maxAge) {}

    /** The claims every pass of the slot carries: issuer, product, kind, validity and zones (one entry each). */
    public record PassTemplate(
            String issuerId,
            String productId,
            String kind,
            Instant validFrom,
            Instant validUntil,
            List<String> zones) {}

    /** A device's allotments, with the issuer id its passes carry. */
    public record Answer(String issuerId, List<DeviceAllotment> allotments) {}
}
