package io.scenicpass.terminal.health;

/** Outcome of checking a health certificate, in the order the checks run. */
public enum HealthCertificateReason {
    /** Signature, key usage, schema and validity period are all fine. */
    VALID("health certificate valid"),
    /** The text does not start with the {@code HC1:} context prefix. */
    MALFORMED_PREFIX("not an HC1: health certificate"),
    /** The text after the prefix is not valid Base45. */
    BASE45("health certificate is not valid Base45"),
    /** The Base45 content is not a valid zlib stream. */
    COMPRESSION("health certificate is not zlib-compressed"),
    /** The content is not a COSE_Sign1 structure. */
    COSE("health certificate is not a valid COSE_Sign1 message"),
    /** The COSE payload is not a CWT with an hcert claim. */
    CWT("health certificate payload is not a valid CWT"),
    /** Neither the protected nor the unprotected header names a signer in the trust list. */
    UNKNOWN_SIGNER("health certificate signer is not trusted"),
    /** The signature algorithm is neither ES256 nor PS256, or does not match the signer's key. */
    UNSUPPORTED_ALGORITHM("health certificate signature algorithm not supported"),
    /** The signature does not verify with the signer's certificate. */
    BAD_SIGNATURE("health certificate signature invalid"),
    /** The signer certificate's extended key usage does not allow this certificate type. */
    KEY_USAGE("signer not allowed to issue this certificate type"),
    /** The verification time is before the CWT issued-at time. */
    NOT_YET_VALID("health certificate not yet valid"),
    /** The verification time is after the CWT expiry time. */
    EXPIRED("health certificate expired"),
    /** The certificate content does not follow the DCC schema (for example several entries). */
    SCHEMA("health certificate content invalid");

    private final String defaultMessage;

    HealthCertificateReason(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    /** @return an English message without personal data, for logs and displays */
    public String defaultMessage() {
        return defaultMessage;
    }
}
