package io.scenicpass.server.messages.internal;

import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.messages.MessageKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The unsubscribe link's token: {@code <visitor>.<KIND>.<mac>}, the MAC a keyed digest of the identity secret (128
 * bits): unguessable, names one visitor and kind, needs no sign-in and no table; it never expires (old mails keep
 * working).
 */
public final class UnsubscribeTokens {
    /** What a token names. */
    public record Target(long visitorId, MessageKind kind) {}

    private final IdentityKeys keys;

    public UnsubscribeTokens(IdentityKeys keys) {
        this.keys = keys;
    }

    public String token(long visitorId, MessageKind kind) {
        return visitorId + "." + kind.name() + "." + mac(visitorId, kind);
    }

    /** The visitor and kind of a genuine token; empty for a forged, mistyped or another server's token. */
    public Optional<Target> open(String token) {
        String[] parts = token == null || token.length() > 200 ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        MessageKind kind = MessageKind.parse(parts[1]);
        if (kind == null) {
            return Optional.empty();
        }
        long visitor = Long.parseLong(parts[0]);
        boolean ok = MessageDigest.isEqual(
                mac(visitor, kind).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
        return ok ? Optional.of(new Target(visitor, kind)) : Optional.empty();
    }

    private String mac(long visitorId, MessageKind kind) {
        return keys.digest("unsubscribe:" + visitorId + ":" + kind.name()).substring(0, 32);
    }
}
