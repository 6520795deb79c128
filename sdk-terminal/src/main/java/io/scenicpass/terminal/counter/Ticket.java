package io.scenicpass.terminal.counter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One issued ticket of a paid sale: the pass (its QR text) and what is printed on the paper. */
public final class Ticket {
    private final String passId;
    private final String qrText;
    private final String unitId;
    private final String unitName;
    private final String holder;
    private final String productName;
    private final Instant slotStart;

    /**
     * @param passId the pass id
     * @param qrText the pass as QR text (what a gate scans)
     * @param unitId the unit id
     * @param unitName the unit's name (e.g. Adult)
     * @param holder the holder's masked name and document (e.g. 张* 1101**********1234), or null
     * @param productName the product's name
     * @param slotStart the slot's start, or null
     */
    public Ticket(
            String passId,
            String qrText,
            String unitId,
            String unitName,
            String holder,
            String productName,
            Instant slotStart) {
        this.passId = Objects.requireNonNull(passId, "passId");
        this.qrText = Objects.requireNonNull(qrText, "qrText");
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.unitName = unitName == null ? unitId : unitName;
        this.holder = holder;
        this.productName = productName == null ? "" : productName;
        this.slotStart = slotStart;
    }

    /** @return the pass id */
    public String passId() {
        return passId;
    }

    /** @return the pass as QR text */
    public String qrText() {
        return qrText;
    }

    /** @return the unit id */
    public String unitId() {
        return unitId;
    }

    /** @return the unit's name */
    public String unitName() {
        return unitName;
    }

    /** @return the holder, masked by the server, for a real-name ticket */
    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }

    /** @return the product's name */
    public String productName() {
        return productName;
    }

    /** @return the slot's start, if the product has slots */
    public Optional<Instant> slotStart() {
        return Optional.ofNullable(slotStart);
    }

    @Override
    public String toString() {
        return "Ticket{" + passId + ", " + unitId + "}";
    }
}
