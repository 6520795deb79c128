package io.scenicpass.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The one reader of request bodies, for every API. Always: a scalar is read only from its own JSON type ("2" is not
 * 2, 1 is not true, 1.5 is not an int), an empty body or a JSON {@code null} is a typed 400, and every parse failure
 * becomes a typed 400 naming the field ({@link ApiError}). What differs between the APIs is an explicit option
 * below, chosen where each API builds its reader ({@link #ADMIN} here, OCTO's and the terminal's in their APIs).
 */
public final class RequestBodies {
    /** Longest string (or number) in an admin body. */
    static final int MAX_ADMIN_STRING = 4096;

    /**
     * {@code /admin/v1} bodies, strict: unknown fields, duplicate keys, trailing data, null for a number or boolean
     * and strings over {@value #MAX_ADMIN_STRING} characters are refused. Ranges are the services' job ({@code Bounds}).
     */
    public static final RequestBodies ADMIN = of(JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .build())
            .refusingUnknownFields()
            .refusingDuplicateKeysAndTrailingData()
            .refusingNullForPrimitives()
            .acceptingIntegersForFloats()
            .boundedTokens(MAX_ADMIN_STRING);

    private final ObjectMapper mapper;
    private final boolean integersForFloats;
    private final boolean streaming;
    private final long maxInflated;
    private final Consumer<Object> check;

    private RequestBodies(
            ObjectMapper mapper,
            boolean integersForFloats,
            boolean streaming,
            long maxInflated,
            Consumer<Object> check) {
        this.mapper = mapper;
        this.integersForFloats = integersForFloats;
        this.streaming = streaming;
        this.maxInflated = maxInflated;
        this.check = check;
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        LogicalType[] targets = {
            LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean, LogicalType.Float, LogicalType.Enum
        };
        for (LogicalType t : targets) {
            for (CoercionInputShape in : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
            }) {
                mapper.coercionConfigFor(t)
                        .setCoercion(in, natural(t, in) ? CoercionAction.TryConvert : CoercionAction.Fail);
            }
        }
    }

    private boolean natural(LogicalType t, CoercionInputShape in) {
        switch (t) {
            case Integer:
                return in == CoercionInputShape.Integer;
            case Float:
                return in == CoercionInputShape.Float || integersForFloats && in == CoercionInputShape.Integer;
            case Boolean:
                return in == CoercionInputShape.Boolean;
            default:
                return false; // text and enums only from strings
        }
    }

    /** Reads with {@code format}'s settings (the API's wire format: field names, dates, unknown fields). */
    public static RequestBodies of(ObjectMapper format) {
        return new RequestBodies(format.copy(), false, false, 0, body -> {});
    }

    /** Unknown fields are ignored, as a format that lets newer clients send more requires (OCTO, the wire model). */
    public RequestBodies ignoringUnknownFields() {
        return with(m -> m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    /** An unknown field is a 400 naming it (a misspelt field must not silently leave a setting out). */
    public RequestBodies refusingUnknownFields() {
        return with(m -> m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
    }

    /** A key twice in one object, or anything after the body's value, is a 400. */
    public RequestBodies refusingDuplicateKeysAndTrailingData() {
        return with(m -> {
            m.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            m.configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);
            m.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        });
    }

    /** {@code null} for a number or boolean field is a 400, not 0 or false. */
    public RequestBodies refusingNullForPrimitives() {
        return with(m -> m.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true));
    }

    /** An integer is read for a floating-point field (2 for 2.0); without this only a JSON float is. */
    public RequestBodies acceptingIntegersForFloats() {
        return new RequestBodies(mapper.copy(), true, streaming, maxInflated, check);
    }

    /** Instants only from ISO-8601 strings (the time module would read a number as epoch seconds). */
    public RequestBodies instantsAsText() {
        return with(m -> m.registerModule(new SimpleModule("instants-as-text")
                .addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
                    @Override
                    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                        if (!p.hasToken(JsonToken.VALUE_STRING)) {
                            return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
                        }
                        return InstantDeserializer.INSTANT.deserialize(p, ctx);
                    }
                })));
    }

    /** Strings over {@code maxString} characters, numbers over 32 digits and nesting over 32 levels are a 400. */
    public RequestBodies boundedTokens(int maxString) {
        return with(m -> m.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxString)
                        .maxNumberLength(32)
                        .maxNestingDepth(32)
                        .build()));
    }

    /**
     * Parsed as it arrives, with no copy of a large upload in memory. Without this the whole body is read first, so a
     * body over the size limit is a 413 whatever it holds (not a 400 for its first over-long string).
     */
    public RequestBodies streaming() {
        return new RequestBodies(mapper.copy(), integersForFloats, true, maxInflated, check);
    }

    /** {@code Content-Encoding: gzip} bodies are inflated, up to {@code max} bytes (more: 413); other codings: 400. */
    public RequestBodies inflatingGzip(long max) {
        return new RequestBodies(mapper.copy(), integersForFloats, streaming, max, check);
    }

    /** Every parsed body then goes through {@code check} (bounds the format cannot express; it throws to refuse). */
    public RequestBodies checkedBy(Consumer<Object> check) {
        return new RequestBodies(mapper.copy(), integersForFloats, streaming, maxInflated, check);
    }

    private RequestBodies with(Consumer<ObjectMapper> change) {
        ObjectMapper m = mapper.copy();
        change.accept(m);
        return new RequestBodies(m, integersForFloats, streaming, maxInflated, check);
    }

    /** The whole body as a {@code type}: a JSON object, required. */
    public <T> T read(Context ctx, Class<T> type) throws IOException {
        return parse(ctx, type, true);
    }

    /** The body as a {@code type}, or null when there is none (empty, blank or {@code null}). */
    public <T> T readOptional(Context ctx, Class<T> type) throws IOException {
        return parse(ctx, type, false);
    }

    private <T> T parse(Context ctx, Class<T> type, boolean required) throws IOException {
        T v;
        try (JsonParser p = open(ctx)) {
            if (p.nextToken() == null) {
                if (required) {
                    throw new ServiceException(Problem.BAD_REQUEST, "request body is required");
                }
                return null;
            }
            v = mapper.readValue(p, type);
        } catch (IOException e) {
            throw streamFailure(e);
        }
        if (v == null && required) {
            throw new ServiceException(Problem.BAD_REQUEST, "request body must be a JSON object");
        }
        check.accept(v);
        return v;
    }

    /**
     * A PATCH body as a {@code type} whose null fields mean "keep": a JSON object with at least one field and no
     * explicit {@code null} (to remove an optional value, PUT the whole resource).
     */
    public <T> T readPatch(Context ctx, Class<T> type) throws IOException {
        JsonNode tree;
        try (JsonParser p = open(ctx)) {
            if (p.nextToken() == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "request body is required");
            }
            tree = mapper.readTree(p);
        } catch (IOException e) {
            throw streamFailure(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ServiceException(Problem.BAD_REQUEST, "request body must be a JSON object");
        }
        if (tree.isEmpty()) {
            throw new ServiceException(Problem.BAD_REQUEST, "a PATCH names at least one field to change");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                throw new ServiceException(
                        Problem.BAD_REQUEST,
                        "field '" + e.getKey() + "' is null: a PATCH leaves out what it does not change");
            }
        }
        T v = mapper.treeToValue(tree, type);
        check.accept(v);
        return v;
    }

    /** {@code v}, or BAD_REQUEST "{@code name} is required". */
    public static <T> T required(T v, String name) {
        if (v == null) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " is required");
        }
        return v;
    }

    private JsonParser open(Context ctx) throws IOException {
        InputStream in = streaming ? ctx.bodyInputStream() : new ByteArrayInputStream(ctx.bodyAsBytes());
        String enc = ctx.header("Content-Encoding");
        if (maxInflated > 0 && enc != null && enc.trim().equalsIgnoreCase("gzip")) {
            try {
                in = new Limited(new GZIPInputStream(in, 65536), maxInflated);
            } catch (IOException e) {
                throw new ServiceException(Problem.BAD_REQUEST, "body is not valid gzip");
            }
        } else if (maxInflated > 0
                && enc != null
                && !enc.isBlank()
                && !enc.trim().equalsIgnoreCase("identity")) {
            throw new ServiceException(Problem.BAD_REQUEST, "unsupported Content-Encoding " + enc.trim());
        }
        return mapper.createParser(in);
    }

    /** Rethrows a parse failure as it is (typed by {@link ApiError}); a failing stream is a typed 413 or 400. */
    private ServiceException streamFailure(IOException e) throws IOException {
        if (e instanceof JsonProcessingException || ApiError.bodyTooLarge(e)) {
            throw e;
        }
        return e instanceof TooLarge
                ? new ServiceException(Problem.PAYLOAD_TOO_LARGE, "inflated body larger than " + maxInflated + " bytes")
                : new ServiceException(
                        Problem.BAD_REQUEST, "unreadable body (" + e.getClass().getSimpleName() + ")");
    }

    /** Thrown when an inflated body exceeds the limit. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("inflated body too large", null);
        }
    }

    /** Caps how many bytes may be read (zip-bomb guard). */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (left -= n) < 0) {
                throw new TooLarge();
            }
            return n;
        }
    }
}
