package io.scenicpass.server.passes.activation;

import io.scenicpass.server.Platform;
import io.scenicpass.server.face.FaceService;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.passes.PassesModule;
import io.scenicpass.server.passes.activation.http.ActivationApi;
import io.scenicpass.server.terminal.DeviceService;

/** Annual passes activated at a kiosk or a gate: the service and its terminal route. */
public final class ActivationModule {
    public final DeviceActivations activations;
    public final ActivationApi api;

    public ActivationModule(
            Platform p, PassesModule passes, FaceService faces, IdentityService identities, DeviceService devices) {
        activations = new DeviceActivations(p.db(), passes.annual, faces, identities, p.clock());
        api = new ActivationApi(activations, devices);
    }
}
