package io.scenicpass.terminal.health;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Health certificates in the wild carry the {@code kid} in both the protected and the unprotected header
 * (sometimes with different values). RFC 9052 forbids that and sdk-core's strict decoder refuses it; the
 * hcert specification says the protected value wins. This drops unprotected parameters that a protected one
 * shadows (the unprotected header is not signed, so nothing signed changes) and re-encodes the message.
 */
final class CoseHeaders {
    private static final CBORFactory FACTORY = new CBORFactory();
    private static final int COSE_SIGN1_TAG = 18;

    private CoseHeaders() {}

    /** @return the message without shadowed unprotected parameters, or null when it is not a 4-array */
    static byte[] dropShadowedUnprotected(byte[] cose) {
        try (CBORParser p = FACTORY.createParser(cose)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            boolean tagged = p.getCurrentTag() == COSE_SIGN1_TAG;
            JsonNode arr = CwtClaims.CBOR.readTree(p);
            if (arr == null
                    || !arr.isArray()
                    || arr.size() != 4
                    || !arr.get(0).isBinary()
                    || !arr.get(1).isObject()
                    || !arr.get(2).isBinary()
                    || !arr.get(3).isBinary()) {
                return null;
            }
            byte[] prot = arr.get(0).binaryValue();
            JsonNode protMap = prot.length == 0 ? CwtClaims.CBOR.createObjectNode() : CwtClaims.CBOR.readTree(prot);
            if (protMap == null || !protMap.isObject()) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(cose.length);
            try (CBORGenerator g = FACTORY.createGenerator(out)) {
                g.setCodec(CwtClaims.CBOR);
                if (tagged) {
                    g.writeTag(COSE_SIGN1_TAG);
                }
                g.writeStartArray(null, 4);
                g.writeBinary(prot);
                g.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> it =
                        arr.get(1).properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (protMap.has(e.getKey())) {
                        continue;
                    }
                    g.writeFieldId(Long.parseLong(e.getKey()));
                    g.writeTree(e.getValue());
                }
                g.writeEndObject();
                g.writeBinary(arr.get(2).binaryValue());
                g.writeBinary(arr.get(3).binaryValue());
                g.writeEndArray();
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
