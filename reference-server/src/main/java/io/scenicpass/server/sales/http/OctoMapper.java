package io.scenicpass.server.sales.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.core.wire.WireJson;
import java.io.IOException;
import java.time.Instant;

/** Strict readers for OCTO and terminal requests: no silent type coercion (a number is not a product id). */
public final class OctoMapper {
  private OctoMapper() {}

  static ObjectMapper strict() {
    return strict(OctoJson.newMapper());
  }

  /**
   * The terminal API's bodies read by {@code WireJson}'s settings, as strictly: no coercion, and no null for a number
   * or boolean field ({@code "partyCount": "2"} or {@code null} is a 400, not 2 or 0).
   */
  public static ObjectMapper strictWire() {
    ObjectMapper m = strict(WireJson.mapper().copy());
    m.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    // instants are ISO-8601 strings (JavaTimeModule would read a number as epoch seconds)
    m.registerModule(new SimpleModule("strict-instants").addDeserializer(Instant.class,
        new StdDeserializer<>(Instant.class) {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
              return (Instant) ctx.handleUnexpectedToken(Instant.class, p);
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctx);
          }
        }));
    return m;
  }

  /** {@code m} without silent coercion of scalars (returned for chaining). */
  private static ObjectMapper strict(ObjectMapper m) {
    m.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean,
        LogicalType.Float, LogicalType.Enum}) {
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer
          ? CoercionAction.TryConvert : CoercionAction.Fail);
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.Float, t == LogicalType.Float
          ? CoercionAction.TryConvert : CoercionAction.Fail);
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean
          ? CoercionAction.TryConvert : CoercionAction.Fail);
    }
    return m;
  }
}
