package io.scenicpass.core.internal.cbor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared Jackson CBOR factory and helpers. Encoding goes through {@link CBORGenerator} with definite
 * lengths and minimal integer heads, in the key order the caller writes (we always write ascending
 * integer keys), which gives the deterministic encoding of RFC 8949 section 4.2.1 for our structures.
 */
public final class Cbor {
    /** Deepest nesting accepted anywhere (a pass needs 3). */
    public static final int MAX_DEPTH = 16;
    /** The one factory (thread-safe). */
    public static final CBORFactory FACTORY = CBORFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    /** A mapper for reading generic values (header parameters). */
    public static final CBORMapper MAPPER = new CBORMapper(FACTORY);

    private Cbor() {}

    /** Something that writes CBOR. */
    public interface Writer {
        /** Writes into the generator. */
        void write(CBORGenerator g) throws IOException;
    }

    /** Runs {@code w} on a fresh generator and returns the bytes. */
    public static byte[] encode(Writer w) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new IllegalStateException("CBOR encoding failed", e);
        }
        return out.toByteArray();
    }

    /** A parser over {@code data}. */
    public static CBORParser parser(byte[] data) throws IOException {
        return FACTORY.createParser(data);
    }

    /** Fails with MALFORMED unless the current token carries no tag. */
    public static void noTag(CBORParser p) {
        if (p.getCurrentTag() != -1) {
            throw malformed("unexpected CBOR tag");
        }
    }

    /** Next token, which must be {@code expected} and untagged. */
    public static void expect(CBORParser p, JsonToken expected) throws IOException {
        JsonToken t = p.nextToken();
        if (t != expected) {
            throw malformed("expected " + expected + " but found " + t);
        }
        noTag(p);
    }

    /**
     * Reads a header map (the parser is on START_OBJECT) into label to value; integer labels appear in
     * their decimal form. Duplicate labels are MALFORMED.
     */
    public static Map<String, JsonNode> readHeaderMap(CBORParser p) throws IOException {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            noTag(p);
            JsonNode value = MAPPER.readTree(p);
            if (map.put(key, value) != null) {
                throw malformed("duplicate header label " + key);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed("bad header map");
        }
        return map;
    }

    /** A MALFORMED exception. */
    public static ScenicPassException malformed(String message) {
        return new ScenicPassException(ErrorCode.MALFORMED, message);
    }
}
