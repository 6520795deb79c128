package io.scenicpass.server.sales.store;

import java.time.Instant;

/** An issued pass as stored. */
public record PassRecord(
        String passId,
        String bookingUuid,
        String keyId,
        String passText,
        int partySize,
        Instant validFrom,
        Instant validUntil,
        boolean revoked,
        Instant issuedAt) {}
