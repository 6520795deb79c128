package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.CredentialType;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.state.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns credentials into passes: decoding QR/NFC, holder bindings for documents, manifest look-ups. */
public final class Credentials {
    private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);

    private Credentials() {}

    /**
     * @param c a QR or NFC credential
     * @return the decoded pass (signature not checked)
     * @throws io.scenicpass.core.ScenicPassException MALFORMED or UNSUPPORTED_VERSION
     */
    public static Pass decodePass(Credential c) {
        if (c.type() == CredentialType.NFC) {
            byte[] raw = c.bytes();
            String asText = new String(raw, StandardCharsets.ISO_8859_1).trim();
            if (asText.startsWith(PassCodec.PREFIX)) {
                return PassCodec.decode(asText);
            }
            return PassCodec.decode(raw);
        }
        return PassCodec.decode(c.text());
    }

    /**
     * The pass with the issuer's codes replaced by the ids the signed key set names them with, so rules, events
     * and displays see ids, never codes (docs/protocol.md §2). Bytes and signature are untouched.
     */
    public static Pass resolve(Pass pass, Optional<KeySet> keys) {
        return keys.map(k -> k.codes().resolve(pass)).orElse(pass);
    }

    /**
     * The holder binding of the ID document presented: the credential itself (ID card, passport) or one
     * shown with a pass.
     *
     * @param c the credential
     * @param ctx the context
     * @param key the area's binding key, may be null
     * @return the binding, or null when no document or no key
     */
    public static byte[] presentedBinding(Credential c, GateContext ctx, byte[] key) {
        DocumentType type = null;
        String number = null;
        if (c.document().isPresent()) {
            type = c.document().get().type();
            number = c.document().get().number();
        } else if (ctx.holderDocumentType().isPresent()) {
            type = ctx.holderDocumentType().get();
            number = ctx.holderDocumentNumber().orElse("");
        }
        if (type == null || key == null || HolderBinding.normalise(number).isEmpty()) {
            return null;
        }
        return HolderBinding.of(key, type, number);
    }

    /**
     * @param cfg the device config, may be null
     * @param fallback the builder's key, may be null
     * @return the binding key to use, may be null
     */
    public static byte[] bindingKey(DeviceConfig cfg, byte[] fallback) {
        if (cfg != null
                && cfg.holderBindingKey() != null
                && !cfg.holderBindingKey().isEmpty()) {
            try {
                return Base64.getDecoder().decode(cfg.holderBindingKey());
            } catch (IllegalArgumentException e) {
                LOG.warn("device config holds a malformed holder binding key");
            }
        }
        return fallback;
    }

    /**
     * @param c a person credential (document, card UID, face, palm)
     * @param presented its holder binding for documents
     * @param manifest the manifest
     * @return the manifest entries of that person's passes
     */
    public static List<ManifestEntry> lookUp(Credential c, byte[] presented, Manifest manifest) {
        switch (c.type()) {
            case ID_CARD:
            case PASSPORT:
                return presented == null ? Collections.<ManifestEntry>emptyList() : manifest.byHolderBinding(presented);
            case CARD_UID:
                return manifest.byCardUid(c.text());
            default:
                return manifest.byBiometricSubject(c.text());
        }
    }
}
