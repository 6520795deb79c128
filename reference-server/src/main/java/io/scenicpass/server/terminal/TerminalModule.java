package io.scenicpass.server.terminal;

import io.micrometer.core.instrument.FunctionCounter;
import io.scenicpass.server.Platform;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.cluster.ClusterModule;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.http.TerminalApi;
import io.scenicpass.server.terminal.store.DeviceStore;
import io.scenicpass.server.terminal.store.EntryStores;
import io.scenicpass.server.terminal.store.ManifestStore;
import io.scenicpass.server.terminal.store.RevocationFeedStore;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The gates and kiosks: enrollment and device credentials, the sync feeds (key set, revocations, manifest, config),
 * entry ingestion, and the live pushes (SSE); the terminal API.
 */
public final class TerminalModule implements AutoCloseable {
    public final DeviceService devices;
    public final SyncFeedService syncFeeds;
    public final EntryService entries;
    public final OnlineClaims claims;
    public final PushHub push;
    public final TerminalApi api;
    private final ServerConfig config;

    public TerminalModule(
            Platform p, KeyService keys, ChannelsModule channels, AdminService admin, ClusterModule cluster) {
        config = p.config();
        RevocationFeedStore feeds = new RevocationFeedStore();
        devices = new DeviceService(
                p.db(),
                new DeviceStore(),
                new SiteStore(),
                new SettingStore(),
                keys,
                p.clock(),
                p.random(),
                config.areaId);
        devices.onlineCheckBudget(config.onlineCheckBudget);
        syncFeeds = new SyncFeedService(
                p.db(), feeds, new ManifestStore(), keys, p.clock(), ZoneOffset.UTC, Duration.ofSeconds(5));
        entries = new EntryService(
                p.db(),
                EntryStores.of(p.db().dialect()),
                new PassStore(p.db().dialect()),
                new BookingStore(p.db().dialect()),
                new ChannelStore(),
                new CatalogueStore(),
                new InventoryStore(),
                channels.webhooks,
                keys,
                p.clock());
        claims = new OnlineClaims(p.db(), entries, feeds, keys, p.clock(), config.areaId);
        push = new PushHub(p.db(), feeds, p.clock());
        push.cluster(cluster.bus);
        devices.onRevoked(push::disconnect);
        api = new TerminalApi(devices, syncFeeds, entries, claims, push, admin, p.clock());
        for (String reason : EntryService.Refusals.REASONS) {
            FunctionCounter.builder("scenicpass.entries.refused", entries.refusals(), r -> r.get(reason))
                    .description("entry events refused for good (REJECTED), by reason code")
                    .tag("reason", reason)
                    .register(p.metrics().registry());
        }
        FunctionCounter.builder("scenicpass.online.checks", claims, OnlineClaims::admitted)
                .description("online checks (claims) answered, by verdict")
                .tag("verdict", "ADMIT")
                .register(p.metrics().registry());
        FunctionCounter.builder("scenicpass.online.checks", claims, OnlineClaims::denied)
                .description("online checks (claims) answered, by verdict")
                .tag("verdict", "DENY")
                .register(p.metrics().registry());
        p.metrics().gauge("scenicpass.push.streams", "open terminal SSE streams", push::connected);
        p.metrics()
                .gauge(
                        "scenicpass.push.wakeups",
                        "revocation/blacklist log reads triggered by a NOTIFY, not the poll",
                        push::wakeUps);
    }

    /** Pushes (revocation/blacklist log watch, slot capacity, SSE heartbeats) run even without jobs. */
    public void start(ScheduledExecutorService pushJobs) {
        push.start(pushJobs, config.pushPoll, Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        push.close();
    }
}
