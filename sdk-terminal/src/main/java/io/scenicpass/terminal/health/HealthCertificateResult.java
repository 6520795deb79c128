package io.scenicpass.terminal.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one health certificate. When the content could be read (even if the certificate
 * is then rejected, e.g. EXPIRED), the holder's name and date of birth are available for the display so
 * staff can compare them with an identity document.
 */
public final class HealthCertificateResult {
    private final HealthCertificateReason reason;
    private final String message;
    private final Holder holder;
    private final HealthCertificateType type;
    private final String issuerCountry;
    private final Instant issuedAt;
    private final Instant expiresAt;

    private HealthCertificateResult(
            HealthCertificateReason reason,
            String message,
            Holder holder,
            HealthCertificateType type,
            String issuerCountry,
            Instant issuedAt,
            Instant expiresAt) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.message = message == null ? reason.defaultMessage() : message;
        this.holder = holder;
        this.type = type;
        this.issuerCountry = issuerCountry;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    static HealthCertificateResult failure(HealthCertificateReason reason, String message) {
        return new HealthCertificateResult(reason, message, null, null, null, null, null);
    }

    static HealthCertificateResult of(
            HealthCertificateReason reason, String message, CwtClaims claims, HealthCertificateType type) {
        return new HealthCertificateResult(
                reason,
                message,
                Holder.from(claims.dcc()),
                type,
                claims.issuer(),
                claims.issuedAt(),
                claims.expiresAt());
    }

    /** @return true when the certificate is valid at the verification time */
    public boolean valid() {
        return reason == HealthCertificateReason.VALID;
    }

    /** @return why the certificate was accepted or rejected */
    public HealthCertificateReason reason() {
        return reason;
    }

    /** @return an English explanation without personal data */
    public String message() {
        return message;
    }

    /** @return the holder's family name as printed ({@code nam.fn}, else the transliterated {@code fnt}) */
    public Optional<String> familyName() {
        return holder == null ? Optional.empty() : Optional.ofNullable(holder.familyName);
    }

    /** @return the holder's given name as printed ({@code nam.gn}, else {@code gnt}) */
    public Optional<String> givenName() {
        return holder == null ? Optional.empty() : Optional.ofNullable(holder.givenName);
    }

    /** @return the holder's date of birth as written in the certificate (YYYY, YYYY-MM or YYYY-MM-DD) */
    public Optional<String> dateOfBirth() {
        return holder == null ? Optional.empty() : Optional.ofNullable(holder.dateOfBirth);
    }

    /** @return vaccination, test or recovery, when the content was read */
    public Optional<HealthCertificateType> type() {
        return Optional.ofNullable(type);
    }

    /** @return the issuing country from the CWT {@code iss} claim */
    public Optional<String> issuerCountry() {
        return Optional.ofNullable(issuerCountry);
    }

    /** @return the CWT issued-at time */
    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /** @return the CWT expiry time */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** Never shows the holder's name or date of birth (logs must not carry personal data). */
    @Override
    public String toString() {
        return "HealthCertificateResult{" + reason + (type == null ? "" : ", " + type) + '}';
    }

    private static final class Holder {
        final String familyName;
        final String givenName;
        final String dateOfBirth;

        private Holder(String familyName, String givenName, String dateOfBirth) {
            this.familyName = familyName;
            this.givenName = givenName;
            this.dateOfBirth = dateOfBirth;
        }

        static Holder from(com.fasterxml.jackson.databind.JsonNode dcc) {
            if (dcc == null || !dcc.isObject()) {
                return null;
            }
            com.fasterxml.jackson.databind.JsonNode nam = dcc.path("nam");
            return new Holder(text(nam, "fn", "fnt"), text(nam, "gn", "gnt"), text(dcc, "dob", "dob"));
        }

        private static String text(com.fasterxml.jackson.databind.JsonNode node, String field, String fallback) {
            com.fasterxml.jackson.databind.JsonNode v = node.path(field);
            if (!v.isTextual() || v.asText().isEmpty()) {
                v = node.path(fallback);
            }
            return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
        }
    }
}
