package io.scenicpass.server.partners;

import java.time.Instant;

/** A partner of the park: a till (shop, restaurant), a hotel or a transport company. */
public record Partner(String id, String name, Kind kind, boolean active, Instant createdAt) {
    /** What the partner is (tills post receipts; hotels and transport hold packages' allotments). */
    public enum Kind {
        TILL,
        HOTEL,
        TRANSPORT,
        OTHER
    }
}
