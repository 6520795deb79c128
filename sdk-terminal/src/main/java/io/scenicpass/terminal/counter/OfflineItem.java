package io.scenicpass.terminal.counter;

import java.util.Objects;

/** One visitor of an offline sale: a unit and, for a real-name product, the visitor's document. */
public final class OfflineItem {
    private final String unitId;
    private final String documentType;
    private final String documentNumber;
    private final String name;

    private OfflineItem(String unitId, String documentType, String documentNumber, String name) {
        this.unitId = Objects.requireNonNull(unitId, "unitId");
        this.documentType = documentType;
        this.documentNumber = documentNumber;
        this.name = name;
    }

    /**
     * @param unitId the unit (ticket type)
     * @return an item without a document
     */
    public static OfflineItem of(String unitId) {
        return new OfflineItem(unitId, null, null, null);
    }

    /**
     * @param unitId the unit (ticket type)
     * @param documentType e.g. {@code CN_ID}, {@code PASSPORT}
     * @param documentNumber the document's number
     * @param name the holder's name
     * @return an item with the visitor's document (checked by the server when the sale syncs)
     */
    public static OfflineItem withDocument(String unitId, String documentType, String documentNumber, String name) {
        return new OfflineItem(
                unitId,
                Objects.requireNonNull(documentType, "documentType"),
                Objects.requireNonNull(documentNumber, "documentNumber"),
                Objects.requireNonNull(name, "name"));
    }

    /** @return the unit id */
    public String unitId() {
        return unitId;
    }

    /** @return the document type, or null */
    public String documentType() {
        return documentType;
    }

    /** @return the document number, or null */
    public String documentNumber() {
        return documentNumber;
    }

    /** @return the holder's name, or null */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "OfflineItem{unitId=" + unitId + ", document=" + (documentType == null ? "none" : documentType + " ***")
                + "}";
    }
}
