package io.scenicpass.terminal;

import io.scenicpass.core.Claims;
import io.scenicpass.core.PassKind;
import java.time.Instant;
import java.util.Optional;

/** A short summary of the pass behind a decision, for the display and the gate application. */
public final class PassSummary {
    private final String passId;
    private final String productId;
    private final PassKind kind;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Instant slotStart;
    private final Instant slotEnd;
    private final int entriesAllowed;
    private final int entriesUsed;
    private final int partySize;
    private final boolean concession;

    /**
     * @param claims the pass's claims
     * @param entriesUsed entries used including this decision
     */
    public PassSummary(Claims claims, int entriesUsed) {
        this.passId = claims.passId();
        this.productId = claims.productId();
        this.kind = claims.kind();
        this.validFrom = claims.validFrom();
        this.validUntil = claims.validUntil();
        this.slotStart = claims.slotStart().orElse(null);
        this.slotEnd = claims.slotEnd().orElse(null);
        this.entriesAllowed = claims.entriesAllowed();
        this.entriesUsed = entriesUsed;
        this.partySize = claims.partySize();
        this.concession = claims.concession();
    }

    /** @return the pass id */
    public String passId() {
        return passId;
    }

    /** @return the product id */
    public String productId() {
        return productId;
    }

    /** @return the kind of pass */
    public PassKind kind() {
        return kind;
    }

    /** @return start of validity */
    public Instant validFrom() {
        return validFrom;
    }

    /** @return end of validity */
    public Instant validUntil() {
        return validUntil;
    }

    /** @return start of the timed slot */
    public Optional<Instant> slotStart() {
        return Optional.ofNullable(slotStart);
    }

    /** @return end of the timed slot */
    public Optional<Instant> slotEnd() {
        return Optional.ofNullable(slotEnd);
    }

    /** @return entries allowed, 0 = unlimited */
    public int entriesAllowed() {
        return entriesAllowed;
    }

    /** @return entries used at this gate, including this decision when it admitted an entry */
    public int entriesUsed() {
        return entriesUsed;
    }

    /** @return entries left, or -1 when unlimited */
    public int entriesLeft() {
        return entriesAllowed == 0 ? -1 : Math.max(0, entriesAllowed - entriesUsed);
    }

    /** @return people the pass covers */
    public int partySize() {
        return partySize;
    }

    /** @return whether it is a concession (reduced) pass */
    public boolean concession() {
        return concession;
    }

    @Override
    public String toString() {
        return "PassSummary{" + passId + ", " + kind + ", product=" + productId + ", used=" + entriesUsed + "/"
                + entriesAllowed + "}";
    }
}
