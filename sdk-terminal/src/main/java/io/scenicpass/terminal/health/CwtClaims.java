package io.scenicpass.terminal.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.time.Instant;

/**
 * The CWT claims of a health certificate: {@code iss} (1), {@code exp} (4), {@code iat} (6) and the DCC
 * under {@code hcert} (-260) → 1. CBOR integer map keys arrive as their decimal text ("-260").
 */
final class CwtClaims {
    static final CBORMapper CBOR = new CBORMapper();

    private final String issuer;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final JsonNode dcc;

    private CwtClaims(String issuer, Instant issuedAt, Instant expiresAt, JsonNode dcc) {
        this.issuer = issuer;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.dcc = dcc;
    }

    /** Parses the COSE payload; throws CWT when it is not a map holding hcert → 1 → a map. */
    static CwtClaims parse(byte[] payload) throws DccException {
        JsonNode root;
        try {
            root = CBOR.readTree(payload);
        } catch (IOException | RuntimeException e) {
            throw new DccException(HealthCertificateReason.CWT, "payload is not CBOR");
        }
        if (root == null || !root.isObject()) {
            throw new DccException(HealthCertificateReason.CWT, "payload is not a CBOR map");
        }
        JsonNode dcc = root.path("-260").path("1");
        if (!dcc.isObject()) {
            throw new DccException(HealthCertificateReason.CWT, "no hcert claim (-260 → 1)");
        }
        JsonNode iss = root.path("1");
        return new CwtClaims(
                iss.isTextual() ? iss.asText() : null, time(root.path("6"), "iat"), time(root.path("4"), "exp"), dcc);
    }

    private static Instant time(JsonNode n, String name) throws DccException {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new DccException(HealthCertificateReason.CWT, name + " is not a number");
        }
        double seconds = n.asDouble();
        if (Double.isNaN(seconds) || Math.abs(seconds) > 1e13) {
            throw new DccException(HealthCertificateReason.CWT, name + " out of range");
        }
        return Instant.ofEpochSecond(n.asLong());
    }

    String issuer() {
        return issuer;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    JsonNode dcc() {
        return dcc;
    }
}
