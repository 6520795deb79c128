package io.scenicpass.server.identity;

import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.store.BlacklistStore;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.identity.http.IdentityAdminApi;
import io.scenicpass.server.sales.CatalogueService;
import java.time.Duration;

/** Real-name tickets: the identity secret, the visitors' documents, the document blacklist, erasure; its admin API. */
public final class IdentityModule {
    public final IdentityService identities;
    public final DocumentBlacklist blacklist;
    public final IdentityErasure erasure;
    /** The identity secret's keys: also encrypt other personal data at rest (invoice contacts, {@code invoices/}). */
    public final IdentityKeys keys;

    private final Platform platform;

    public IdentityModule(Platform p) {
        platform = p;
        SettingStore settings = new SettingStore();
        keys = IdentityKeys.load(p.config().keysDir(), p.db(), settings, p.random());
        identities = new IdentityService(p.db(), keys, settings, p.random(), p.clock());
        blacklist = new DocumentBlacklist(p.db(), identities, keys, new BlacklistStore(), p.clock());
        erasure = new IdentityErasure(p.db(), identities, p.clock(), p.config().identityRetentionDays);
    }

    /** The admin API (it needs the admin token check and the catalogue, built after this module). */
    public IdentityAdminApi api(AdminService admin, CatalogueService catalogue) {
        return new IdentityAdminApi(admin, new IdentityPolicies(platform.db(), catalogue), blacklist, erasure);
    }

    /** Retention erasure and blacklist expiry: one node at a time, hourly (both are idempotent anyway). */
    public void jobs(Jobs jobs) {
        jobs.singleton("identity-retention", "identity erasure and blacklist expiry runs", Duration.ofHours(1), () -> {
            erasure.eraseExpired();
            blacklist.expire();
        });
    }
}
