package io.scenicpass.server.sales.http;

import io.javalin.http.Context;
import io.scenicpass.channel.model.OctoError;
import io.scenicpass.channel.model.OctoErrorCode;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.http.ApiError;

/** The OCTO API's error mapper: {@code {error, errorMessage, <offending id>}} with the HTTP status. */
public final class OctoErrors {
    private OctoErrors() {}

    public static void write(Context ctx, ApiError.Classified c) {
        OctoErrorCode code = code(c);
        OctoError err = new OctoError().error(code).errorMessage(c.message());
        String id = c.offendingId();
        if (id != null) {
            switch (code) {
                case INVALID_PRODUCT_ID:
                    err.productId(id);
                    break;
                case INVALID_OPTION_ID:
                    err.optionId(id);
                    break;
                case INVALID_UNIT_ID:
                    err.unitId(id);
                    break;
                case INVALID_AVAILABILITY_ID:
                    err.availabilityId(id);
                    break;
                case INVALID_BOOKING_UUID:
                    err.uuid(id);
                    break;
                default:
                    break;
            }
        }
        ctx.status(c.status()).contentType("application/json").result(OctoJson.write(err));
    }

    /** Internal failures are INTERNAL_SERVER_ERROR; the rest the problem's own OCTO code ({@link Problem#octo}). */
    private static OctoErrorCode code(ApiError.Classified c) {
        return c.internal() ? OctoErrorCode.INTERNAL_SERVER_ERROR : c.problem().octo();
    }
}
