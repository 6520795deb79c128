package io.scenicpass.terminal.rules;

import io.scenicpass.core.CredentialType;
import io.scenicpass.terminal.document.PresentedDocument;
import java.util.Optional;

/**
 * What a rule sees of the presented credential ({@link io.scenicpass.terminal.Credential} implements it; the
 * interface lives here so that rules do not depend on the gate engine's package).
 */
public interface CredentialView {
    /** @return the kind of credential */
    CredentialType type();

    /** @return the text form (QR text, document number, UID, subject id); for NFC the bytes as ASCII */
    String text();

    /** @return the raw bytes for NFC, otherwise the text as UTF-8 */
    byte[] bytes();

    /** @return whether this credential is a pass itself (QR or NFC) rather than a reference to a person */
    boolean isPass();

    /** @return the identity document when the credential is one (ID card, passport, permit) */
    default Optional<PresentedDocument> document() {
        return Optional.empty();
    }
}
