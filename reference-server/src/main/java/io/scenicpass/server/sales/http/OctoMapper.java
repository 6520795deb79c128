package io.scenicpass.server.sales.http;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.scenicpass.channel.model.OctoJson;

/** A strict reader for OCTO requests: no silent type coercion (a number is not a product id). */
final class OctoMapper {
  private OctoMapper() {}

  static ObjectMapper strict() {
    ObjectMapper m = OctoJson.newMapper();
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
