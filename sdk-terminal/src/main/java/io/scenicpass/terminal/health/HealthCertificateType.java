package io.scenicpass.terminal.health;

/** The kind of statement a health certificate makes (exactly one per certificate). */
public enum HealthCertificateType {
    /** Vaccination statement ({@code v}). */
    VACCINATION("v", "1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2"),
    /** Test statement ({@code t}). */
    TEST("t", "1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.1"),
    /** Recovery statement ({@code r}). */
    RECOVERY("r", "1.3.6.1.4.1.1847.2021.1.3", "1.3.6.1.4.1.0.1847.2021.1.3");

    private final String field;
    private final String oid;
    private final String alternateOid;

    HealthCertificateType(String field, String oid, String alternateOid) {
        this.field = field;
        this.oid = oid;
        this.alternateOid = alternateOid;
    }

    /** @return the DCC JSON field holding entries of this type ({@code v}, {@code t} or {@code r}) */
    public String field() {
        return field;
    }

    boolean matchesOid(String candidate) {
        return oid.equals(candidate) || alternateOid.equals(candidate);
    }

    static boolean isDccOid(String candidate) {
        for (HealthCertificateType t : values()) {
            if (t.matchesOid(candidate)) {
                return true;
            }
        }
        return false;
    }
}
