package io.scenicpass.server.sales.http;

import io.scenicpass.server.http.ApiError;
import io.javalin.http.Context;
import io.scenicpass.channel.model.OctoError;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.Problem;

/** The OCTO API's error mapper: {@code {error, errorMessage, <offending id>}} with the HTTP status. */
public final class OctoErrors {
  private OctoErrors() {}

  public static void write(Context ctx, ApiError.Classified c) {
    OctoErrorCode code = code(c);
    OctoError err = new OctoError().error(code).errorMessage(c.message());
    String id = c.offendingId();
    if (id != null) {
      switch (code) {
        case INVALID_PRODUCT_ID: err.productId(id); break;
        case INVALID_OPTION_ID: err.optionId(id); break;
        case INVALID_UNIT_ID: err.unitId(id); break;
        case INVALID_AVAILABILITY_ID: err.availabilityId(id); break;
        case INVALID_BOOKING_UUID: err.uuid(id); break;
        default: break;
      }
    }
    ctx.status(c.status()).contentType("application/json").result(OctoJson.write(err));
  }

  private static OctoErrorCode code(ApiError.Classified c) {
    if (c.internal()) {
      return OctoErrorCode.INTERNAL_SERVER_ERROR;
    }
    switch (c.problem()) {
      case INVALID_PRODUCT_ID: return OctoErrorCode.INVALID_PRODUCT_ID;
      case INVALID_OPTION_ID: return OctoErrorCode.INVALID_OPTION_ID;
      case INVALID_UNIT_ID: return OctoErrorCode.INVALID_UNIT_ID;
      case INVALID_AVAILABILITY_ID: return OctoErrorCode.INVALID_AVAILABILITY_ID;
      case INVALID_BOOKING_UUID: return OctoErrorCode.INVALID_BOOKING_UUID;
      case UNPROCESSABLE_ENTITY: return OctoErrorCode.UNPROCESSABLE_ENTITY;
      case UNAUTHORIZED: return OctoErrorCode.UNAUTHORIZED;
      case FORBIDDEN: return OctoErrorCode.FORBIDDEN;
      case TOO_MANY_REQUESTS: return OctoErrorCode.TOO_MANY_REQUESTS;
      case NOT_FOUND: return OctoErrorCode.NOT_FOUND; // no such endpoint or ticket file (ids have INVALID_*)
      case SERVICE_UNAVAILABLE: return OctoErrorCode.TOO_MANY_REQUESTS; // OCTO has no "busy": retry after, as 429
      default: return OctoErrorCode.BAD_REQUEST;
    }
  }
}
