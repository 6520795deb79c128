package io.scenicpass.core.internal.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.core.internal.text.Crockford;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The values of a claims map as {@link ClaimsCodec#decode} reads them: each checked for its type and range. */
final class ClaimsValues {

    private ClaimsValues() {}

    static Instant at(long minutes) {
        return Instant.ofEpochSecond(minutes * 60);
    }

    static int keyOf(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
        }
        return Integer.parseInt(name);
    }

    static long integer(CBORParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw Cbor.malformed("expected an integer");
        }
        return p.getLongValue();
    }

    static long uint(CBORParser p, long max) throws IOException {
        long v = integer(p);
        if (v < 0 || v > max) {
            throw Cbor.malformed("integer out of range");
        }
        return v;
    }

    static long[] ints(CBORParser p, int count) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Cbor.malformed("expected an array");
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            p.nextToken();
            Cbor.noTag(p);
            out[i] = integer(p);
        }
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw Cbor.malformed("array too long");
        }
        return out;
    }

    static boolean bool(CBORParser p, String what) {
        if (p.currentToken() != JsonToken.VALUE_TRUE && p.currentToken() != JsonToken.VALUE_FALSE) {
            throw Cbor.malformed(what + " must be a boolean");
        }
        return p.currentToken() == JsonToken.VALUE_TRUE;
    }

    static byte[] bytes(CBORParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw Cbor.malformed("expected a byte string");
        }
        return p.getBinaryValue();
    }

    static String passId(CBORParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
            byte[] raw = p.getBinaryValue();
            if (raw.length != 8) {
                throw Cbor.malformed("binary pass id must be 8 bytes");
            }
            return Crockford.encode64(ByteBuffer.wrap(raw).getLong());
        }
        return text(p);
    }

    static String id(CBORParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            long v = integer(p);
            return v >= 0 ? Long.toString(v) : "#" + (-1 - v); // a negative integer is an issuer code
        }
        return text(p);
    }

    static String text(CBORParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw Cbor.malformed("expected a text string");
        }
        String s = p.getText();
        if (s.isEmpty() || s.length() > 256) {
            throw Cbor.malformed("id must be 1..256 characters");
        }
        return s;
    }

    static List<ZoneAllowance> zones(CBORParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Cbor.malformed("zones must be an array");
        }
        List<ZoneAllowance> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw Cbor.malformed("unterminated zones");
            }
            Cbor.noTag(p);
            String zone = id(p);
            p.nextToken();
            Cbor.noTag(p);
            out.add(ZoneAllowance.of(zone, (int) uint(p, Integer.MAX_VALUE)));
        }
        return out;
    }
}
