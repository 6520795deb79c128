package io.scenicpass.server.sales.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.http.RequestBodies;
import java.io.IOException;
import java.util.List;

/**
 * OCTO: a PATCH or confirm body may leave {@code unitItems} out (the items stay) but not give an empty list. The model
 * reads both as empty, so this reads the same request body again for the field as sent.
 */
final class OctoUnitItemsGiven {
    private static final RequestBodies BODIES =
            RequestBodies.of(OctoJson.newMapper()).ignoringUnknownFields();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(List<JsonNode> unitItems) {}

    private OctoUnitItemsGiven() {}

    /** {@code body} (already read from {@code ctx}), or UNPROCESSABLE_ENTITY when it gave {@code unitItems: []}. */
    static <T> T notEmpty(Context ctx, T body) throws IOException {
        Body b = body == null ? null : BODIES.readOptional(ctx, Body.class);
        if (b != null && b.unitItems() != null && b.unitItems().isEmpty()) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "unitItems must not be empty (leave it out to keep the unit items)");
        }
        return body;
    }
}
