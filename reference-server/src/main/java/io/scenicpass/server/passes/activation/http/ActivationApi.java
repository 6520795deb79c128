package io.scenicpass.server.passes.activation.http;

import io.javalin.config.RoutesConfig;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.http.RequestBodies;
import io.scenicpass.server.passes.activation.DeviceActivations;
import io.scenicpass.server.terminal.DeviceService;

/**
 * {@code POST /terminal/v1/annual-passes/activate} for any enrolled device ({@code Authorization: Device <token>}): a
 * kiosk or box office activates as KIOSK, a gate (first entry) as GATE. Errors are the terminal API's {@code {code,
 * message}}.
 */
public final class ActivationApi {
    private static final RequestBodies BODIES =
            RequestBodies.of(WireJson.mapper()).ignoringUnknownFields().refusingNullForPrimitives();

    private final DeviceActivations activations;
    private final DeviceService devices;

    public ActivationApi(DeviceActivations activations, DeviceService devices) {
        this.activations = activations;
        this.devices = devices;
    }

    public void register(RoutesConfig r) {
        r.post("/terminal/v1/annual-passes/activate", ctx -> {
            var device = devices.authenticate(ctx.header("Authorization"));
            DeviceActivations.Request body = BODIES.read(ctx, DeviceActivations.Request.class);
            if (body == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "a body is required");
            }
            ctx.json(activations.activate(device, body));
        });
    }
}
