package io.scenicpass.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The one reader of {@code /admin/v1} request bodies, strict where the OCTO and terminal readers are lenient: unknown
 * fields, duplicate keys, trailing data, wrong types (no "2" for 2, no 1.5 for an int, no 1 for true) and strings over
 * {@value #MAX_STRING} characters are a typed 400 naming the field ({@link ApiError}). Ranges are the services' job
 * ({@code service.Bounds}).
 */
public final class AdminBodies {
  /** Longest string (or number) in an admin body. */
  static final int MAX_STRING = 4096;

  private static final ObjectMapper STRICT = strict();

  private AdminBodies() {}

  private static ObjectMapper strict() {
    JsonFactory f = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING).maxNumberLength(32)
            .maxNestingDepth(32).build()).build();
    JsonMapper m = JsonMapper.builder(f).addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    // a scalar is read only from its own JSON type (a float also from an integer): "2", 1.5 or 1 for true are refused
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
        LogicalType.Textual}) {
      for (CoercionInputShape in : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
          CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString}) {
        m.coercionConfigFor(t).setCoercion(in, natural(t, in) ? CoercionAction.TryConvert : CoercionAction.Fail);
      }
    }
    return m;
  }

  private static boolean natural(LogicalType t, CoercionInputShape in) {
    switch (t) {
      case Integer: return in == CoercionInputShape.Integer;
      case Float: return in == CoercionInputShape.Float || in == CoercionInputShape.Integer;
      case Boolean: return in == CoercionInputShape.Boolean;
      default: return in == CoercionInputShape.String || in == CoercionInputShape.EmptyString;
    }
  }

  /** The whole body as a {@code type}: a JSON object, required. */
  public static <T> T read(Context ctx, Class<T> type) throws IOException {
    T v = STRICT.readValue(raw(ctx), type);
    if (v == null) {
      throw new ServiceException(Problem.BAD_REQUEST, "request body must be a JSON object");
    }
    return v;
  }

  /**
   * A PATCH body as a {@code type} whose null fields mean "keep": a JSON object with at least one field and no
   * explicit {@code null} (to remove an optional value, PUT the whole resource).
   */
  public static <T> T readPatch(Context ctx, Class<T> type) throws IOException {
    JsonNode tree = STRICT.readTree(raw(ctx));
    if (tree == null || !tree.isObject()) {
      throw new ServiceException(Problem.BAD_REQUEST, "request body must be a JSON object");
    }
    if (tree.isEmpty()) {
      throw new ServiceException(Problem.BAD_REQUEST, "a PATCH names at least one field to change");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        throw new ServiceException(Problem.BAD_REQUEST, "field '" + e.getKey()
            + "' is null: a PATCH leaves out what it does not change");
      }
    }
    return STRICT.treeToValue(tree, type);
  }

  private static byte[] raw(Context ctx) {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length == 0) {
      throw new ServiceException(Problem.BAD_REQUEST, "request body is required");
    }
    return raw;
  }

  /** {@code v}, or BAD_REQUEST "{@code name} is required". */
  public static <T> T required(T v, String name) {
    if (v == null) {
      throw new ServiceException(Problem.BAD_REQUEST, name + " is required");
    }
    return v;
  }
}
