package io.scenicpass.core.cose;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.scenicpass.core.Algorithm;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.IssuerKey;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.internal.cbor.Cbor;
import io.scenicpass.core.internal.crypto.Crypto;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * A COSE_Sign1 message (RFC 9052 section 4.2): decode, verify (EdDSA/Ed25519, ES256, PS256) and
 * Ed25519 signing. Header maps are keyed by label; integer labels appear in decimal form ("1" = alg,
 * "4" = kid). A label present in both maps is read from the protected one (the EU DCC test suite
 * expects such messages to verify). Accepted tags: none, 18, or 61 (CWT) around 18. Detached payloads
 * are not supported (MALFORMED).
 */
public final class CoseSign1 {
    /** CBOR tag of COSE_Sign1. */
    public static final int TAG = 18;
    /** CBOR tag of a CWT (RFC 8392), accepted around tag 18. */
    public static final int CWT_TAG = 61;
    /** Header label of alg. */
    public static final int ALG = 1;
    /** Header label of kid. */
    public static final int KID = 4;

    private static final byte[] EMPTY = new byte[0];

    private final byte[] protectedBytes;
    private final Map<String, JsonNode> protectedHeader;
    private final Map<String, JsonNode> unprotectedHeader;
    private final byte[] payload;
    private final byte[] signature;
    private final boolean tagged;

    private CoseSign1(
            byte[] protectedBytes,
            Map<String, JsonNode> prot,
            Map<String, JsonNode> unprot,
            byte[] payload,
            byte[] signature,
            boolean tagged) {
        this.protectedBytes = protectedBytes;
        this.protectedHeader = Collections.unmodifiableMap(prot);
        this.unprotectedHeader = Collections.unmodifiableMap(unprot);
        this.payload = payload;
        this.signature = signature;
        this.tagged = tagged;
    }

    /**
     * Decodes a COSE_Sign1 (tag 18 or untagged).
     *
     * @throws ScenicPassException MALFORMED on anything that is not a well-formed COSE_Sign1
     */
    public static CoseSign1 decode(byte[] data) {
        if (data == null) {
            throw Cbor.malformed("no data");
        }
        try (CBORParser p = Cbor.parser(data)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw Cbor.malformed("COSE_Sign1 must be an array");
            }
            boolean tagged = checkTags(p);
            Cbor.expect(p, JsonToken.VALUE_EMBEDDED_OBJECT);
            byte[] prot = p.getBinaryValue();
            Cbor.expect(p, JsonToken.START_OBJECT);
            Map<String, JsonNode> unprot = Cbor.readHeaderMap(p);
            Cbor.expect(p, JsonToken.VALUE_EMBEDDED_OBJECT);
            byte[] payload = p.getBinaryValue();
            Cbor.expect(p, JsonToken.VALUE_EMBEDDED_OBJECT);
            byte[] sig = p.getBinaryValue();
            if (p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw Cbor.malformed("COSE_Sign1 must have exactly 4 elements and nothing after");
            }
            return new CoseSign1(prot, decodeProtected(prot), unprot, payload, sig, tagged);
        } catch (ScenicPassException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Cbor.malformed("not a COSE_Sign1 structure");
        }
    }

    /** Accepts no tag, 18, or CWT tag 61 around 18 (RFC 8392 section 6, used by EU DCC). */
    private static boolean checkTags(CBORParser p) {
        CBORParser.TagList tags = p.getCurrentTags();
        int count = tags == null ? (p.getCurrentTag() == -1 ? 0 : 1) : tags.size();
        if (count == 0) {
            return false;
        }
        boolean ok = count == 1 ? p.getCurrentTag() == TAG : count == 2 && tags.contains(CWT_TAG) && tags.contains(TAG);
        if (!ok) {
            throw Cbor.malformed("wrong CBOR tag for COSE_Sign1");
        }
        return true;
    }

    private static Map<String, JsonNode> decodeProtected(byte[] prot) throws IOException {
        if (prot.length == 0) {
            return Collections.emptyMap();
        }
        try (CBORParser p = Cbor.parser(prot)) {
            Cbor.expect(p, JsonToken.START_OBJECT);
            Map<String, JsonNode> map = Cbor.readHeaderMap(p);
            if (p.nextToken() != null) {
                throw Cbor.malformed("trailing bytes after protected header");
            }
            return map;
        }
    }

    /** The serialized protected header as carried in the message. */
    public byte[] protectedBytes() {
        return protectedBytes.clone();
    }

    /** Protected header parameters by label. */
    public Map<String, JsonNode> protectedHeader() {
        return protectedHeader;
    }

    /** Unprotected header parameters by label. */
    public Map<String, JsonNode> unprotectedHeader() {
        return unprotectedHeader;
    }

    /** The payload. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The signature. */
    public byte[] signature() {
        return signature.clone();
    }

    /** True if the message carried tag 18. */
    public boolean tagged() {
        return tagged;
    }

    /** A header parameter, protected first, then unprotected. */
    public Optional<JsonNode> header(int label) {
        String key = Integer.toString(label);
        JsonNode v = protectedHeader.get(key);
        return Optional.ofNullable(v != null ? v : unprotectedHeader.get(key));
    }

    /** The kid (protected first, then unprotected), if present as a byte string. */
    public Optional<byte[]> keyId() {
        Optional<JsonNode> kid = header(KID);
        if (kid.isPresent() && kid.get().isBinary()) {
            try {
                return Optional.of(kid.get().binaryValue());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The COSE algorithm identifier.
     *
     * @throws ScenicPassException UNSUPPORTED_ALGORITHM if alg is absent or not an integer
     */
    public int algorithm() {
        Optional<JsonNode> alg = header(ALG);
        if (!alg.isPresent() || !alg.get().canConvertToInt() || !alg.get().isIntegralNumber()) {
            throw new ScenicPassException(ErrorCode.UNSUPPORTED_ALGORITHM, "alg missing or not an integer");
        }
        return alg.get().intValue();
    }

    /** The algorithm as a supported {@link Algorithm}, else UNSUPPORTED_ALGORITHM. */
    public Algorithm supportedAlgorithm() {
        int alg = algorithm();
        return Algorithm.fromCose(alg)
                .orElseThrow(() ->
                        new ScenicPassException(ErrorCode.UNSUPPORTED_ALGORITHM, "alg " + alg + " is not supported"));
    }

    /** The Sig_structure bytes this message is signed over (RFC 9052 section 4.4). */
    public byte[] toBeSigned(byte[] externalAad) {
        byte[] body = protectedHeader.isEmpty() ? EMPTY : protectedBytes;
        return sigStructure(body, externalAad, payload);
    }

    /** True if the signature verifies with {@code key} (EdDSA, ES256 or PS256); no external AAD. */
    public boolean verify(PublicKey key) {
        return verify(key, EMPTY);
    }

    /**
     * True if the signature verifies with {@code key} and the given external AAD.
     *
     * @throws ScenicPassException UNSUPPORTED_ALGORITHM for other algorithms
     */
    public boolean verify(PublicKey key, byte[] externalAad) {
        Algorithm alg = supportedAlgorithm();
        String jca;
        switch (alg) {
            case EDDSA:
                jca = "Ed25519";
                break;
            case ES256:
                jca = "SHA256withPLAIN-ECDSA";
                break;
            default:
                jca = "SHA256withRSAandMGF1";
                break;
        }
        try {
            Signature s = Signature.getInstance(jca, Crypto.BC);
            s.initVerify(key);
            s.update(toBeSigned(externalAad));
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** True if alg is EdDSA and the signature verifies with the raw 32-byte Ed25519 public key. */
    public boolean verifyEd25519(byte[] raw32) {
        if (supportedAlgorithm() != Algorithm.EDDSA) {
            return false;
        }
        return Crypto.verifyEd25519(Crypto.ed25519(raw32), toBeSigned(EMPTY), signature);
    }

    /** The protected header {1: alg, 4: kid} in deterministic CBOR. */
    public static byte[] protectedHeader(int alg, byte[] kid) {
        return Cbor.encode(g -> {
            g.writeStartObject(null, kid == null ? 1 : 2);
            g.writeFieldId(ALG);
            g.writeNumber(alg);
            if (kid != null) {
                g.writeFieldId(KID);
                g.writeBinary(kid);
            }
            g.writeEndObject();
        });
    }

    /**
     * Signs with Ed25519 and returns the encoded COSE_Sign1.
     *
     * @param protectedHeader serialized protected header (e.g. from {@link #protectedHeader(int, byte[])})
     * @param unprotected unprotected parameters: integer label to Integer, Long, String or byte[] value
     * @param payload the payload
     * @param tagged whether to prefix tag 18
     */
    public static byte[] signEd25519(
            IssuerKey key, byte[] protectedHeader, Map<Integer, Object> unprotected, byte[] payload, boolean tagged) {
        byte[] sig = key.sign(sigStructure(protectedHeader, EMPTY, payload));
        return Cbor.encode(g -> {
            if (tagged) {
                g.writeTag(TAG);
            }
            g.writeStartArray(null, 4);
            g.writeBinary(protectedHeader);
            writeHeaderMap(g, unprotected);
            g.writeBinary(payload);
            g.writeBinary(sig);
            g.writeEndArray();
        });
    }

    private static void writeHeaderMap(CBORGenerator g, Map<Integer, Object> header) throws IOException {
        g.writeStartObject(null, header.size());
        for (Map.Entry<Integer, Object> e : new java.util.TreeMap<>(header).entrySet()) {
            g.writeFieldId(e.getKey());
            Object v = e.getValue();
            if (v instanceof byte[]) {
                g.writeBinary((byte[]) v);
            } else if (v instanceof String) {
                g.writeString((String) v);
            } else if (v instanceof Number) {
                g.writeNumber(((Number) v).longValue());
            } else {
                throw new IllegalArgumentException("unsupported header value type");
            }
        }
        g.writeEndObject();
    }

    private static byte[] sigStructure(byte[] body, byte[] aad, byte[] payload) {
        return Cbor.encode(g -> {
            g.writeStartArray(null, 4);
            g.writeString("Signature1");
            g.writeBinary(body);
            g.writeBinary(aad);
            g.writeBinary(payload);
            g.writeEndArray();
        });
    }
}
