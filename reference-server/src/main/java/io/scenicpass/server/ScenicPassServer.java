package io.scenicpass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.scenicpass.core.Ids;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.http.AdminApi;
import io.scenicpass.server.http.HttpServer;
import io.scenicpass.server.http.OctoApi;
import io.scenicpass.server.service.AdminService;
import io.scenicpass.server.service.BookingService;
import io.scenicpass.server.service.CatalogueService;
import io.scenicpass.server.service.ChannelService;
import io.scenicpass.server.service.InventoryService;
import io.scenicpass.server.service.IssuanceService;
import io.scenicpass.server.service.KeyService;
import io.scenicpass.server.service.PassQueries;
import io.scenicpass.server.service.WebhookService;
import io.scenicpass.server.store.BlacklistStore;
import io.scenicpass.server.store.BookingStore;
import io.scenicpass.server.store.CatalogueStore;
import io.scenicpass.server.store.ChannelStore;
import io.scenicpass.server.store.Database;
import io.scenicpass.server.store.InventoryStore;
import io.scenicpass.server.store.IssuerKeyStore;
import io.scenicpass.server.store.OutboxStore;
import io.scenicpass.server.store.PassStore;
import io.scenicpass.server.store.SettingStore;
import io.scenicpass.server.store.SiteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: wires stores, services and the HTTP APIs from one {@link ServerConfig}.
 * {@code ScenicPassServer.builder(config).clock(clock).build().start()}.
 */
public final class ScenicPassServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScenicPassServer.class);

  private final ServerConfig config;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final boolean runJobs;
  private final boolean readyOnStart;
  private final AtomicBoolean ready = new AtomicBoolean();
  private Database db;
  private Javalin app;
  private ScheduledExecutorService jobs;
  /** Services, public for the demo seeder and tests. */
  public CatalogueService catalogue;
  public InventoryService inventory;
  public BookingService bookings;
  public ChannelService channels;
  public KeyService keys;
  public AdminService admin;
  public WebhookService webhooks;
  public PassQueries passes;
  /** Live flow, forecast, alerts and quotas ({@code /admin/v1/flow}, {@code /dashboard}). */
  public io.scenicpass.server.service.flow.FlowModule flow;
  /** Prometheus metrics ({@code /metrics}); more gauges may be added before start-up completes. */
  public io.scenicpass.server.http.MetricsApi metrics;
  /** Terminal API ({@code /terminal/v1}): devices, sync feeds, entry ingestion, SSE pushes. */
  public io.scenicpass.server.service.DeviceService devices;
  public io.scenicpass.server.service.SyncFeedService syncFeeds;
  public io.scenicpass.server.service.EntryService entries;
  public io.scenicpass.server.service.PushHub push;
  private ScheduledExecutorService pushJobs;
  /** Cross-node events (PostgreSQL LISTEN/NOTIFY; in-process on H2). */
  public io.scenicpass.server.service.ClusterBus cluster;
  /** Leases of the singleton jobs (hold expiry, flow alerts) shared by the nodes on one database. */
  public io.scenicpass.server.service.JobLeases leases;
  /** Counter rows that disagreed with the bookings when this server started (logged). */
  private List<io.scenicpass.server.store.InventoryAudit.Drift> driftAtStart = List.of();

  private ScenicPassServer(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    this.runJobs = b.runJobs;
    this.readyOnStart = b.readyOnStart;
  }

  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  /** Builder: config is required; the clock defaults to UTC system time; jobs run unless disabled. */
  public static final class Builder {
    private final ServerConfig config;
    private Clock clock = Clock.systemUTC();
    private boolean runJobs = true;
    private boolean readyOnStart = true;

    private Builder(ServerConfig config) {
      this.config = config;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    /** Disables the background jobs (hold expiry, webhook delivery): tests drive them by hand. */
    public Builder withoutJobs() {
      this.runJobs = false;
      return this;
    }

    /** {@code /health} answers 503 until {@link ScenicPassServer#markReady()} (e.g. after the demo seed). */
    public Builder deferReady() {
      this.readyOnStart = false;
      return this;
    }

    public ScenicPassServer build() {
      return new ScenicPassServer(this);
    }
  }

  /** Opens the database, migrates, loads keys and starts HTTP. */
  public ScenicPassServer start() {
    try {
      Files.createDirectories(config.dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + config.dataDir, e);
    }
    db = new Database(config.effectiveDbUrl(), config.dbUser, config.dbPassword, config.dbPoolSize,
        config.dbPoolTimeoutMillis, config.dbStrictNesting);
    Ids ids = new Ids(clock, random);
    CatalogueStore catalogueStore = new CatalogueStore();
    InventoryStore inventoryStore = new InventoryStore();
    BookingStore bookingStore = new BookingStore();
    ChannelStore channelStore = new ChannelStore();
    PassStore passStore = new PassStore();
    SettingStore settings = new SettingStore();
    catalogue = new CatalogueService(db, catalogueStore, clock);
    inventory = new InventoryService(db, catalogueStore, inventoryStore, bookingStore, clock, config.slotHorizonDays,
        config.availabilityCache);
    channels = new ChannelService(db, channelStore, clock, random);
    keys = new KeyService(db, new IssuerKeyStore(), settings, config.keysDir(), passphrase(), clock, random);
    keys.start();
    webhooks = new WebhookService(db, new OutboxStore(), channelStore, ids, clock);
    IssuanceService issuance = new IssuanceService(keys, passStore, bookingStore, ids, clock, config.areaId);
    bookings = new BookingService(db, catalogueStore, inventoryStore, bookingStore, passStore, inventory, issuance,
        webhooks, ids, clock, config.holdDefaultMinutes, config.holdMaxMinutes);
    passes = new PassQueries(db, passStore, bookingStore);
    // logged, not fixed: repairing is the operator's decision (repair-inventory, POST /admin/v1/inventory/repair)
    driftAtStart = inventory.repair().logDrift();
    admin = new AdminService(db, settings, new BlacklistStore(), new SiteStore(), clock);
    initAdminToken();
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    OctoApi octo = new OctoApi(catalogue, inventory, bookings, channels, passes, config.areaId, config.areaName);
    AdminApi adminApi = new AdminApi(admin, catalogue, inventory, channels, keys, passes, mapper);
    flow = new io.scenicpass.server.service.flow.FlowModule(db, clock,
        io.scenicpass.server.service.flow.FlowConfig.of(config.flow));
    metrics = new io.scenicpass.server.http.MetricsApi();
    io.scenicpass.server.store.FlowStore flowStore = new io.scenicpass.server.store.FlowStore();
    metrics.gauge("scenicpass.entries.ingested", "entry events received from terminals",
        () -> db.read(flowStore::entriesIngested));
    metrics.gauge("scenicpass.sync.lag.seconds", "longest time since a live device last contacted the server",
        () -> db.read(c -> flowStore.maxSyncLagMillis(c, clock.instant())) / 1000.0);
    metrics.gauge("scenicpass.outbox.depth", "channel webhooks waiting for delivery", webhooks::pending);
    metrics.gauge("scenicpass.alerts.active", "capacity alerts currently raised", flow.alerts::activeCount);
    io.scenicpass.server.http.DashboardApi dashboard = new io.scenicpass.server.http.DashboardApi(admin, flow, mapper);
    io.scenicpass.server.store.RevocationFeedStore feedStore = new io.scenicpass.server.store.RevocationFeedStore();
    devices = new io.scenicpass.server.service.DeviceService(db, new io.scenicpass.server.store.DeviceStore(),
        new SiteStore(), settings, keys, clock, random, config.areaId);
    syncFeeds = new io.scenicpass.server.service.SyncFeedService(db, feedStore,
        new io.scenicpass.server.store.ManifestStore(), keys, clock, java.time.ZoneOffset.UTC,
        java.time.Duration.ofSeconds(5));
    entries = new io.scenicpass.server.service.EntryService(db, new io.scenicpass.server.store.EntryStore(), passStore,
        bookingStore, channelStore, catalogueStore, inventoryStore, feedStore, webhooks, keys, clock, config.areaId);
    push = new io.scenicpass.server.service.PushHub(db, feedStore, clock);
    cluster = db.isPostgres() ? new io.scenicpass.server.service.internal.PostgresClusterBus(db,
        new io.scenicpass.server.store.ClusterEventStore(), config.effectiveDbUrl(), config.dbUser, config.dbPassword,
        config.nodeId, clock) : new io.scenicpass.server.service.internal.LocalClusterBus();
    push.cluster(cluster);
    leases = new io.scenicpass.server.service.JobLeases(db, new io.scenicpass.server.store.JobLeaseStore(), clock,
        config.nodeId);
    devices.onRevoked(push::disconnect);
    flow.pushTo(push);
    metrics.gauge("scenicpass.push.streams", "open terminal SSE streams", push::connected);
    metrics.gauge("scenicpass.push.wakeups", "revocation/blacklist log reads triggered by a NOTIFY, not the poll",
        push::wakeUps);
    metrics.gauge("scenicpass.cluster.events.received", "events from other nodes (messages, alerts, log wake-ups)",
        cluster::received);
    io.scenicpass.server.http.TerminalApi terminalApi = new io.scenicpass.server.http.TerminalApi(devices, syncFeeds,
        entries, push, admin, clock);
    io.scenicpass.server.http.InFlightLimit inFlight =
        new io.scenicpass.server.http.InFlightLimit(config.httpMaxInFlight, config.httpMaxWait,
            io.scenicpass.server.http.TerminalApi.EVENTS);
    metrics.gauge("scenicpass.http.waiting", "requests waiting for their turn (http.maxInFlight reached)",
        inFlight::waiting);
    metrics.gauge("scenicpass.http.wait_expired", "requests answered 503 after waiting http.maxWaitSeconds",
        inFlight::expired);
    app = HttpServer.create(io.scenicpass.server.http.JettyThreads.pool(
        io.scenicpass.server.http.JettyThreads.Mode.parse(config.httpVirtualThreads), config.httpMaxThreads),
        config.httpAcceptQueue, inFlight, mapper, config.maxBodyBytes, octo, adminApi, ready::get, metrics::register,
        dashboard::register, terminalApi::register);
    app.start(config.host, config.port);
    // terminal pushes (revocation/blacklist log watch, slot capacity, SSE heartbeats) run even without jobs
    pushJobs = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scenicpass-push");
      t.setDaemon(true);
      return t;
    });
    if (cluster instanceof io.scenicpass.server.service.internal.PostgresClusterBus pg) {
      pg.start(pushJobs, config.pushPoll);
    }
    push.start(pushJobs, config.pushPoll, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(15));
    if (runJobs) {
      jobs = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "scenicpass-jobs");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, config.jobInterval.toMillis());
      // singleton jobs: one node at a time under a job_lease (both are idempotent anyway: compare-and-set updates)
      leases.schedule(jobs, "hold-expiry", java.time.Duration.ofMillis(every), config.jobLease,
          () -> inventory.expireDueHolds());
      leases.schedule(jobs, "flow-alerts", flow.config.alertInterval(), config.jobLease, () -> {
        flow.alerts.evaluate();
        flow.alerts.deliverNotifications();
      });
      // the webhook outbox runs on every node: rows are claimed with FOR UPDATE SKIP LOCKED
      jobs.scheduleWithFixedDelay(guard("webhooks", () -> webhooks.deliverDue()), 1000, 1000, TimeUnit.MILLISECONDS);
      metrics.gauge("scenicpass.jobs.hold_expiry.runs", "hold expiry runs on this node (it held the lease)",
          () -> leases.runs("hold-expiry"));
      metrics.gauge("scenicpass.jobs.flow_alerts.runs", "alert evaluations on this node (it held the lease)",
          () -> leases.runs("flow-alerts"));
    }
    ready.set(readyOnStart);
    return this;
  }

  /** Makes {@code /health} answer 200. */
  public void markReady() {
    ready.set(true);
  }

  private static Runnable guard(String name, Runnable r) {
    return () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("background job '{}' failed; will retry", name, e);
      }
    };
  }

  /** The passphrase of the key files: configured, or generated once into {@code <data>/keys/passphrase}. */
  private char[] passphrase() {
    if (config.keyPassphrase != null) {
      return config.keyPassphrase.toCharArray();
    }
    Path f = config.keysDir().resolve("passphrase");
    try {
      Files.createDirectories(config.keysDir());
      if (!Files.exists(f)) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        Files.writeString(f, Base64.getUrlEncoder().withoutPadding().encodeToString(raw), StandardCharsets.US_ASCII);
        LOG.warn("no keys.passphrase configured: generated one in {} (set SCENICPASS_KEY_PASSPHRASE in production)", f);
      }
      return Files.readString(f, StandardCharsets.US_ASCII).trim().toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + f, e);
    }
  }

  /** The admin token: configured, or generated once into {@code <data>/admin-token}. */
  private void initAdminToken() {
    if (config.adminToken != null) {
      admin.setAdminToken(config.adminToken);
      return;
    }
    Path f = config.dataDir.resolve("admin-token");
    try {
      if (!Files.exists(f)) {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        Files.writeString(f, "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
            StandardCharsets.US_ASCII);
      }
      admin.setAdminToken(Files.readString(f, StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + f, e);
    }
  }

  /** The admin token in effect (from config or the data dir). */
  public String adminToken() {
    if (config.adminToken != null) {
      return config.adminToken;
    }
    try {
      return Files.readString(config.dataDir.resolve("admin-token"), StandardCharsets.US_ASCII).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's clock (injected in tests). */
  public Clock clock() {
    return clock;
  }

  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://" + config.host + ":" + port();
  }

  public ServerConfig config() {
    return config;
  }

  /** The inventory counter rows that disagreed with their bookings at start-up (logged, left as they were). */
  public List<io.scenicpass.server.store.InventoryAudit.Drift> driftAtStart() {
    return driftAtStart;
  }

  public Database database() {
    return db;
  }

  @Override
  public void close() {
    ready.set(false);
    if (jobs != null) {
      jobs.shutdownNow();
      try {
        jobs.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      leases.close();
    }
    if (pushJobs != null) {
      pushJobs.shutdownNow();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (push != null) {
      push.close();
    }
    if (app != null) {
      app.stop();
    }
    if (db != null) {
      db.close();
    }
  }
}
