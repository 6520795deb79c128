package io.scenicpass.server.counter.pickup;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.counter.http.CounterAuth;
import io.scenicpass.server.counter.pickup.http.PickupApi;
import io.scenicpass.server.identity.IdentityService;

/** Pick-up (取票) at the counter: the service and its routes (terminal and admin). */
public final class PickupModule {
    public final PickupService pickups;
    public final PickupApi api;

    public PickupModule(Platform p, IdentityService identities, CounterAuth auth, AdminService admin) {
        pickups = new PickupService(p.db(), p.clock(), identities);
        api = new PickupApi(pickups, auth, admin, p.clock());
    }
}
