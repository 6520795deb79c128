package io.scenicpass.terminal.device;

/** Receives what a {@link CredentialReader} reads. Called on the reader's thread; return quickly. */
public interface CredentialListener {
    /** A credential was read. */
    void onCredential(ScannedCredential credential);

    /**
     * Something was presented but could not be read into a credential (a card whose ID number fails its
     * check, an MRZ failing its check digits, an unreadable NFC tag). The gate records a denial with
     * reason MALFORMED. Default: ignored.
     */
    default void onUnreadable(String readerId, CredentialKind kind, String reason) {}
}
