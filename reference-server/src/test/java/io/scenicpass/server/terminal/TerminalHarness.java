package io.scenicpass.server.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.scenicpass.core.Blacklist;
import io.scenicpass.core.KeySet;
import io.scenicpass.core.RevocationSet;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.core.wire.BlacklistDelta;
import io.scenicpass.core.wire.DeviceConfig;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.core.wire.RevocationDelta;
import io.scenicpass.server.http.TerminalApi;
import io.scenicpass.server.http.TerminalErrors;
import io.scenicpass.server.service.DeviceService;
import io.scenicpass.server.service.EntryService;
import io.scenicpass.server.service.PushHub;
import io.scenicpass.server.service.SyncFeedService;
import io.scenicpass.server.store.BookingStore;
import io.scenicpass.server.store.CatalogueStore;
import io.scenicpass.server.store.ChannelStore;
import io.scenicpass.server.store.Database;
import io.scenicpass.server.store.DeviceStore;
import io.scenicpass.server.store.EntryStore;
import io.scenicpass.server.store.InventoryStore;
import io.scenicpass.server.store.ManifestStore;
import io.scenicpass.server.store.PassStore;
import io.scenicpass.server.store.RevocationFeedStore;
import io.scenicpass.server.store.SettingStore;
import io.scenicpass.server.store.SiteStore;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import io.scenicpass.terminal.sync.StateSink;
import io.scenicpass.terminal.sync.SyncCursors;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The terminal API wired around a {@link TestServer}'s database and services, on its own real HTTP port
 * (until the API is registered in the main app, this is the wiring ScenicPassServer will do).
 */
final class TerminalHarness implements AutoCloseable {
  final TestServer ts;
  final DeviceService devices;
  final SyncFeedService feeds;
  final EntryService entries;
  final PushHub push;
  final Javalin app;
  private final ScheduledExecutorService jobs;

  TerminalHarness(TestServer ts) {
    this.ts = ts;
    Database db = ts.server.database();
    String area = ts.server.config().areaId;
    devices = new DeviceService(db, new DeviceStore(), new SiteStore(), new SettingStore(), ts.server.keys, ts.clock,
        new SecureRandom(), area);
    feeds = new SyncFeedService(db, new RevocationFeedStore(), new ManifestStore(), ts.server.keys, ts.clock,
        ZoneId.of("Asia/Shanghai"), Duration.ZERO);
    entries = new EntryService(db, new EntryStore(), new PassStore(), new BookingStore(), new ChannelStore(),
        new CatalogueStore(), new InventoryStore(), new RevocationFeedStore(), ts.server.webhooks, ts.server.keys,
        ts.clock, area);
    push = new PushHub(db, new RevocationFeedStore(), ts.clock);
    devices.onRevoked(push::disconnect);
    TerminalApi api = new TerminalApi(devices, feeds, entries, push, ts.server.admin, ts.clock);
    app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      api.register(cfg.routes);
      cfg.routes.exception(Exception.class, (e, ctx) -> TerminalErrors.render(ctx, e, ts.clock));
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || !ctx.result().startsWith("{")) {
          TerminalErrors.render(ctx, new io.scenicpass.server.service.ServiceException(
              io.scenicpass.server.service.Problem.NOT_FOUND, "no such endpoint"), ts.clock);
        }
      });
    }).start("127.0.0.1", 0);
    jobs = Executors.newScheduledThreadPool(1, r -> {
      Thread t = new Thread(r, "terminal-push-test");
      t.setDaemon(true);
      return t;
    });
    push.start(jobs, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** Creates a one-time enrollment token for a gate over the admin endpoint. */
  String token(String gateId) {
    TestServer.Answer a = send("POST", "/admin/v1/enrollment-tokens", "Bearer " + TestServer.ADMIN,
        "{\"gateId\":\"" + gateId + "\",\"label\":\"test\"}");
    if (a.status() != 201) {
      throw new AssertionError(a.status() + " " + a.body());
    }
    return a.json().get("enrollmentCode").asText();
  }

  /** Enrolls a device with the real SDK provisioning (credentials stored under {@code dir}). */
  DeviceCredentials enroll(Path dir, String gateId) {
    return new Provisioning(new CredentialStore(dir.resolve("device.json"))).enroll(token(gateId), "gate " + gateId,
        "SP-TEST");
  }

  /** A request to this harness's port with the given Authorization header. */
  TestServer.Answer send(String method, String path, String authorization, String json) {
    okhttp3.Request.Builder rb = new okhttp3.Request.Builder().url(baseUrl() + path);
    if (authorization != null) {
      rb.header("Authorization", authorization);
    }
    okhttp3.RequestBody body = json == null ? (method.equals("GET") ? null : okhttp3.RequestBody.create(new byte[0]))
        : okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"));
    rb.method(method, body);
    try (okhttp3.Response r = ts.http.newCall(rb.build()).execute()) {
      Map<String, String> h = new java.util.HashMap<>();
      for (String n : r.headers().names()) {
        h.put(n.toLowerCase(java.util.Locale.ROOT), r.header(n));
      }
      return new TestServer.Answer(r.code(), r.body().string(), h);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  JsonNode admin(String method, String path, String json) {
    return send(method, path, "Bearer " + TestServer.ADMIN, json).json();
  }

  @Override
  public void close() {
    jobs.shutdownNow();
    push.close();
    app.stop();
  }

  /** A terminal's local state in memory, on sdk-core's real RevocationSet and Blacklist. */
  static final class MemoryState implements StateSink {
    final RevocationSet revocations = RevocationSet.empty();
    final Blacklist blacklist = Blacklist.empty();
    final Map<String, ManifestEntry> manifest = new ConcurrentHashMap<>();
    volatile long manifestCursor;
    volatile long keySetSequence;
    volatile KeySet keys;
    volatile DeviceConfig config;

    @Override
    public SyncCursors cursors() {
      return SyncCursors.of(keySetSequence, revocations.sequence(), blacklist.sequence(), manifestCursor,
          config == null ? 0 : config.version());
    }

    @Override
    public void applyKeySet(SignedKeySet signed, KeySet k) {
      keys = k;
      keySetSequence = k.sequence();
    }

    @Override
    public void applyRevocations(RevocationDelta delta) {
      revocations.apply(delta);
    }

    @Override
    public void applyBlacklist(BlacklistDelta delta) {
      blacklist.apply(delta);
    }

    @Override
    public synchronized void applyManifest(ManifestDelta d) {
      if (d.fromCursor() != manifestCursor) {
        throw new io.scenicpass.core.ScenicPassException(io.scenicpass.core.ErrorCode.STALE_SEQUENCE);
      }
      for (ManifestEntry e : d.upserts()) {
        manifest.put(e.passId(), e);
      }
      for (String id : d.removedPassIds()) {
        manifest.remove(id);
      }
      manifestCursor = d.toCursor();
    }

    @Override
    public void applyConfig(DeviceConfig c) {
      config = c;
    }
  }
}
