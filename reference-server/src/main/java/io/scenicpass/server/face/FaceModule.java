package io.scenicpass.server.face;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.face.http.FaceAdminApi;
import io.scenicpass.server.face.store.FaceStore;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.passes.PassesModule;
import io.scenicpass.server.terminal.TerminalModule;
import io.scenicpass.server.terminal.store.ManifestStore;
import java.time.Duration;

/**
 * Face at the gate: the template service, plugged into the terminal feeds and the annual passes' lifecycle; its admin
 * API and retention job.
 */
public final class FaceModule {
    public final FaceService faces;
    /** Holders' photos to templates (the shop's activation), by the engine {@code shop.photoTemplates} names. */
    public final FacePhotos photos;

    private final FaceAdminApi api;

    private FaceModule(Platform p, IdentityKeys identity, KeyService keys, AdminService admin) {
        faces = new FaceService(
                p.db(),
                new FaceStore(),
                new ManifestStore(),
                new SiteStore(),
                new SettingStore(),
                identity,
                keys,
                p.clock());
        api = new FaceAdminApi(admin, faces);
        photos = FacePhotos.configured(p.config().web.get("shop.photoTemplates"));
    }

    /** Builds the module and plugs it into the terminal's manifest and entry ingestion. */
    public static FaceModule compose(
            Platform p,
            TerminalModule terminal,
            PassesModule passes,
            IdentityKeys identity,
            KeyService keys,
            AdminService admin) {
        FaceModule m = new FaceModule(p, identity, keys, admin);
        terminal.syncFeeds.faces(m.faces);
        terminal.entries.faces(m.faces);
        passes.annual.hook(new AnnualFaces(m.faces));
        return m;
    }

    public void register(RoutesConfig r) {
        api.register(r);
    }

    /** Retention: hourly, one node at a time (idempotent). */
    public void jobs(Jobs jobs) {
        jobs.singleton("face-retention", "face templates of ended passes deleted", Duration.ofHours(1), faces::purge);
    }
}
