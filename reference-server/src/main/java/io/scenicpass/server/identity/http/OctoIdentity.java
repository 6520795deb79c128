package io.scenicpass.server.identity.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.javalin.http.Context;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.identity.IdentityInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ScenicPass extension {@code unitItems[].identity = {type, number, name, country}} of OCTO reserve, PATCH and
 * confirm bodies, read from the same request body the OCTO model (which has no such field) was read from. Answers the
 * documents by unit item position (null: none given), or an empty list when no item carries one.
 */
public final class OctoIdentity {
    private static final RequestBodies BODIES =
            RequestBodies.of(OctoJson.newMapper()).ignoringUnknownFields();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(List<Item> unitItems) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(Identity identity) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Identity(String type, String number, String name, String country) {}

    private OctoIdentity() {}

    /** The documents of the request's unit items, by position (empty when none carries one). */
    public static List<IdentityInput> of(Context ctx) throws IOException {
        Body b = BODIES.readOptional(ctx, Body.class);
        List<IdentityInput> out = new ArrayList<>();
        if (b == null || b.unitItems() == null) {
            return out;
        }
        boolean any = false;
        for (int i = 0; i < b.unitItems().size(); i++) {
            Item it = b.unitItems().get(i);
            Identity id = it == null ? null : it.identity();
            out.add(id == null ? null : new IdentityInput(id.type(), id.number(), id.name(), id.country()));
            any |= id != null;
        }
        return any ? out : List.of();
    }

    /** Refuses a request that carries documents where none can be taken. */
    public static void none(List<IdentityInput> given, String why) {
        if (!given.isEmpty()) {
            throw new ServiceException(Problem.BAD_REQUEST, "unitItems[].identity cannot be given " + why);
        }
    }
}
