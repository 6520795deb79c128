package io.scenicpass.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.Claims;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.health.DccTrustList;
import io.scenicpass.terminal.health.HealthCertificateResult;
import io.scenicpass.terminal.health.HealthCertificateVerifier;
import io.scenicpass.terminal.rules.Reason;
import java.time.Duration;
import java.time.Instant;

/**
 * The stateless check behind {@code verify}: a pass ({@code SP1…}) is decoded, its signature and key
 * status are verified against the key set, and its validity window is checked at the given time
 * (revocations, entry counts and zones need a gate's state and are not checked); a health certificate
 * ({@code HC1:…}) goes through the EU DCC verifier. Never throws: anything unreadable is DENY MALFORMED.
 */
final class CredentialChecker {
    static final ObjectMapper JSON = WireJson.mapper();
    private final KeySet keys;
    private final PassVerifier passVerifier;
    private final HealthCertificateVerifier dccVerifier;

    /**
     * @param keys the verified key set, or null when none was given (every pass is UNKNOWN_KEY)
     * @param trust the DCC signer certificates (empty: every certificate is UNKNOWN_SIGNER)
     */
    CredentialChecker(KeySet keys, DccTrustList trust) {
        this.keys = keys;
        this.passVerifier = keys == null ? null : new PassVerifier(keys);
        this.dccVerifier = HealthCertificateVerifier.builder().trustList(trust).build();
    }

    ObjectNode check(String credential, Instant at) {
        String text = credential == null ? "" : credential.trim();
        if (HealthCertificateVerifier.isHealthCertificate(text)) {
            return healthCertificate(text, at);
        }
        if (text.startsWith(PassCodec.PREFIX)) {
            return pass(text, at);
        }
        ObjectNode out =
                result("UNKNOWN", false, Reason.MALFORMED, "neither a pass (SP1…) nor a health certificate (HC1:…)");
        out.put("at", at.toString());
        return out;
    }

    static ObjectNode result(String kind, boolean admit, String reason, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("decision", admit ? "ADMIT" : "DENY");
        n.put("reason", reason);
        n.put("kind", kind);
        n.put("message", message);
        return n;
    }

    private ObjectNode pass(String text, Instant at) {
        Pass pass;
        try {
            pass = PassCodec.decode(text);
            if (keys != null) {
                pass = keys.codes().resolve(pass); // the issuer's codes → ids (docs/protocol.md §2)
            }
        } catch (ScenicPassException e) {
            return withAt(result("PASS", false, e.code().name(), e.getMessage()), at);
        } catch (RuntimeException e) {
            return withAt(result("PASS", false, Reason.MALFORMED, "unreadable pass"), at);
        }
        ObjectNode out;
        if (passVerifier == null) {
            out = result(
                    "PASS", false, Reason.UNKNOWN_KEY, "no key set given (use --keyset with --root-key, or --server)");
        } else {
            out = verified(pass, at);
        }
        withAt(out, at);
        out.set("pass", summary(pass));
        return out;
    }

    private ObjectNode verified(Pass pass, Instant at) {
        try {
            passVerifier.verify(pass, at);
        } catch (ScenicPassException e) {
            return result("PASS", false, e.code().name(), e.getMessage());
        } catch (RuntimeException e) {
            return result("PASS", false, Reason.MALFORMED, "unverifiable pass");
        }
        Claims c = pass.claims();
        if (!c.isValidAt(at, Duration.ZERO, Duration.ZERO)) {
            boolean early = at.isBefore(c.validFrom());
            return result(
                    "PASS",
                    false,
                    early ? Reason.NOT_YET_VALID : Reason.EXPIRED,
                    early ? "valid from " + c.validFrom() : "valid until " + c.validUntil());
        }
        return result(
                "PASS",
                true,
                Reason.OK,
                "signature, key and validity window fine (revocation and entry count not checked)");
    }

    private static ObjectNode withAt(ObjectNode n, Instant at) {
        n.put("at", at.toString());
        return n;
    }

    private ObjectNode summary(Pass pass) {
        Claims c = pass.claims();
        ObjectNode s = JSON.createObjectNode();
        s.put("passId", c.passId());
        s.put("issuerId", c.issuerId());
        s.put("productId", c.productId());
        s.put("kind", c.kind() == null ? null : c.kind().name());
        s.put("validFrom", String.valueOf(c.validFrom()));
        s.put("validUntil", String.valueOf(c.validUntil()));
        c.slotStart().ifPresent(t -> s.put("slotStart", t.toString()));
        c.slotEnd().ifPresent(t -> s.put("slotEnd", t.toString()));
        s.put("entriesAllowed", c.entriesAllowed());
        s.put("reentry", c.reentry() == null ? null : c.reentry().name());
        s.put("partySize", c.partySize());
        s.put("concession", c.concession());
        s.put("holderBound", c.holderBinding().isPresent());
        ArrayNode zones = s.putArray("zones");
        for (ZoneAllowance z : c.zones()) {
            zones.addObject().put("zoneId", z.zoneId()).put("entries", z.entries());
        }
        c.channelId().ifPresent(ch -> s.put("channelId", ch));
        s.put("issuedAt", String.valueOf(c.issuedAt()));
        s.put("keyId", pass.keyId());
        s.put("algorithm", pass.algorithm() == null ? null : pass.algorithm().name());
        if (keys != null) {
            keys.keys().stream()
                    .filter(k -> k.keyId().startsWith(pass.keyId())) // a pass may carry a short kid
                    .findFirst()
                    .ifPresent(k -> s.put("keyStatus", k.status().name()));
        }
        return s;
    }

    private ObjectNode healthCertificate(String text, Instant at) {
        HealthCertificateResult r = dccVerifier.verify(text, at);
        ObjectNode out = result(
                "HEALTH_CERT", r.valid(), r.valid() ? Reason.OK : r.reason().name(), r.message());
        withAt(out, at);
        if (r.type().isPresent() || r.familyName().isPresent()) {
            ObjectNode h = out.putObject("healthCertificate");
            r.type().ifPresent(t -> h.put("type", t.name()));
            r.familyName().ifPresent(v -> h.put("familyName", v));
            r.givenName().ifPresent(v -> h.put("givenName", v));
            r.dateOfBirth().ifPresent(v -> h.put("dateOfBirth", v));
            r.issuerCountry().ifPresent(v -> h.put("issuerCountry", v));
            r.issuedAt().ifPresent(v -> h.put("issuedAt", v.toString()));
            r.expiresAt().ifPresent(v -> h.put("expiresAt", v.toString()));
        }
        return out;
    }
}
