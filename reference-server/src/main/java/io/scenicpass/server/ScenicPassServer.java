package io.scenicpass.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.scenicpass.core.Ids;
import io.scenicpass.server.adapters.AdaptersModule;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.cluster.ClusterBus;
import io.scenicpass.server.cluster.JobLeases;
import io.scenicpass.server.cluster.Jobs;
import io.scenicpass.server.config.LocalSecrets;
import io.scenicpass.server.config.SecureFiles;
import io.scenicpass.server.config.ServerConfig;
import io.scenicpass.server.console.ConsoleModule;
import io.scenicpass.server.content.ContentService;
import io.scenicpass.server.counter.CounterModule;
import io.scenicpass.server.counter.boxoffice.BoxOfficeModule;
import io.scenicpass.server.counter.offline.OfflineModule;
import io.scenicpass.server.counter.pickup.PickupModule;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.RunMarker;
import io.scenicpass.server.face.FaceService;
import io.scenicpass.server.flow.FlowModule;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.http.AuthThrottle;
import io.scenicpass.server.http.HttpServer;
import io.scenicpass.server.http.InFlightLimit;
import io.scenicpass.server.http.JettyThreads;
import io.scenicpass.server.http.MetricsApi;
import io.scenicpass.server.identity.IdentityModule;
import io.scenicpass.server.invoices.InvoicesModule;
import io.scenicpass.server.keys.Delegations;
import io.scenicpass.server.keys.KeyService;
import io.scenicpass.server.measures.MeasuresModule;
import io.scenicpass.server.messages.MessagesModule;
import io.scenicpass.server.offers.OffersModule;
import io.scenicpass.server.packages.PackagesModule;
import io.scenicpass.server.park.ParkModule;
import io.scenicpass.server.passes.PassesModule;
import io.scenicpass.server.payments.PaymentsModule;
import io.scenicpass.server.questions.QuestionsModule;
import io.scenicpass.server.reports.ReportsModule;
import io.scenicpass.server.sales.BookingService;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.PassCancellation;
import io.scenicpass.server.sales.PassQueries;
import io.scenicpass.server.sales.store.InventoryAudit;
import io.scenicpass.server.shop.ShopModule;
import io.scenicpass.server.shop.checkout.CheckoutModule;
import io.scenicpass.server.shop.tickets.TicketsModule;
import io.scenicpass.server.shop.waitlist.WaitlistModule;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.server.terminal.EntryService;
import io.scenicpass.server.terminal.PushHub;
import io.scenicpass.server.terminal.SyncFeedService;
import io.scenicpass.server.terminal.http.TerminalApi;
import io.scenicpass.server.visitors.VisitorsModule;
import io.scenicpass.server.web.WebModule;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The reference server from one {@link ServerConfig}: its lifecycle (data directory, database, HTTP, jobs, clean
 * stop) and the accessors tests and the demo use. The feature modules are composed in {@link ServerModules}.
 * {@code ScenicPassServer.builder(config).clock(clock).build().start()}.
 */
public final class ScenicPassServer implements AutoCloseable {

    private final ServerConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final boolean runJobs;
    private final boolean readyOnStart;
    private final AtomicBoolean ready = new AtomicBoolean();
    private Database db;
    private Javalin app;
    private ScheduledExecutorService pushJobs;
    private Jobs jobs;
    private Platform platform;
    private ServerModules m;
    private LocalSecrets secrets;
    /** Counter rows that disagreed with the bookings when this server started (logged; see {@link #start}). */
    private List<InventoryAudit.Drift> driftAtStart = List.of();
    /** Present while this server runs: its absence at the next start proves a clean stop. */
    private RunMarker runMarker;

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

    /** Opens the database, migrates, composes the feature modules and starts HTTP (and the jobs). */
    public ScenicPassServer start() {
        // owner-only data directory; refuse to run on secrets other users can read (or could have replaced)
        SecureFiles.ownerOnlyDirectory(config.dataDir);
        SecureFiles.requireOwnerOnly(SecureFiles.secretsOf(config.dataDir, ServerConfig.H2_NAME));
        runMarker = RunMarker.claim(config.dataDir);
        db = new Database(
                config.effectiveDbUrl(),
                config.dbUser,
                config.dbPassword,
                config.dbPoolSize,
                config.dbPoolTimeoutMillis,
                config.dbStrictNesting);
        SecureFiles.restrict(
                SecureFiles.h2Files(config.dataDir, ServerConfig.H2_NAME)); // H2 created them with the umask
        platform = new Platform(config, clock, random, new Ids(clock, random), db, jsonMapper(), new MetricsApi());
        secrets = new LocalSecrets(config, random);
        m = new ServerModules(
                platform,
                secrets.passphrase(),
                modules -> {
                    // after a clean stop logged, not fixed: the operator's decision (repair-inventory, POST
                    // .../inventory/repair); after an unclean stop of H2 repaired now: H2 may keep part of a
                    // transaction in flight at the crash
                    driftAtStart =
                            modules.sales.inventory.repair().atStart(runMarker.uncleanStop() && !db.isPostgres());
                    modules.admin.admin.setAdminToken(secrets.adminToken());
                },
                this::visitorUrl);
        FlowStore flowStore = new FlowStore();
        MetricsApi metrics = platform.metrics();
        metrics.gauge(
                "scenicpass.entries.ingested",
                "entry events received from terminals",
                () -> db.read(flowStore::entriesIngested));
        metrics.gauge(
                "scenicpass.sync.lag.seconds",
                "longest time since a live device last contacted the server",
                () -> db.read(c -> flowStore.maxSyncLagMillis(c, clock.instant())) / 1000.0);
        InFlightLimit inFlight = new InFlightLimit(config.httpMaxInFlight, config.httpMaxWait, TerminalApi.EVENTS);
        metrics.gauge(
                "scenicpass.http.waiting",
                "requests waiting for their turn (http.maxInFlight reached)",
                inFlight::waiting);
        metrics.gauge(
                "scenicpass.http.wait_expired",
                "requests answered 503 after waiting http.maxWaitSeconds",
                inFlight::expired);
        List<Consumer<RoutesConfig>> routes = new ArrayList<>(List.of(metrics::register));
        routes.addAll(m.routes(platform));
        app = HttpServer.create(
                JettyThreads.pool(JettyThreads.Mode.parse(config.httpVirtualThreads), config.httpMaxThreads),
                config.httpAcceptQueue,
                inFlight,
                new AuthThrottle(config.authMaxFailures, config.authFailureWindow, clock),
                platform.json(),
                config.maxBodyBytes,
                m.sales.api,
                m.admin.api,
                ready::get,
                routes);
        app.start(config.host, config.port);
        pushJobs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scenicpass-push");
            t.setDaemon(true);
            return t;
        });
        m.cluster.start(pushJobs);
        m.terminal.start(pushJobs);
        if (runJobs) {
            jobs = m.cluster.jobs();
            m.jobs(jobs);
        }
        ready.set(readyOnStart);
        return this;
    }

    private static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Makes {@code /health} answer 200. */
    public void markReady() {
        ready.set(true);
    }

    /** The admin token in effect (from config or the data dir). */
    public String adminToken() {
        return new LocalSecrets(config, random).currentAdminToken();
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

    /**
     * The inventory counter rows that disagreed with their bookings at start-up: logged and left as they were, or
     * repaired when the embedded H2's last run ended uncleanly.
     */
    public List<InventoryAudit.Drift> driftAtStart() {
        return driftAtStart;
    }

    /** The shop's "My tickets": refunds and date changes of the visitors' orders. */
    public TicketsModule tickets() {
        return m.tickets;
    }

    public Database database() {
        return db;
    }

    /** The parts, for the demo seeder and tests. */
    public CatalogueService catalogue() {
        return m.sales.catalogue;
    }

    /** Real-name tickets: visitors' documents, the document blacklist, erasure. */
    /** OCTO content: texts, media and FAQs per product and language. */
    public ContentService content() {
        return m.sales.content.content;
    }

    /** Pass products and annual passes (issue #23). */
    public PassesModule passProducts() {
        return m.passes;
    }

    /** In the park: zones, notices, warnings, the page's view. */
    public ParkModule park() {
        return m.park;
    }

    /** Face templates bound to passes: enrolment, distribution to the gates, retention ({@code face/}). */
    public FaceService faces() {
        return m.face.faces;
    }

    public IdentityModule identity() {
        return m.sales.identity;
    }

    /** OCTO questions: the products' questions and the bookings' answers. */
    public QuestionsModule questions() {
        return m.sales.questions;
    }

    /** Offline selling at the box office: per-device allotments and the offline-sales sync. */
    public OfflineModule offline() {
        return m.offline;
    }

    /** Packages: partners, allotments, package products and their vouchers. */
    public PackagesModule packages() {
        return m.packages;
    }

    /** The shop's waiting lists of sold-out slots. */
    public WaitlistModule waitlist() {
        return m.waitlist;
    }

    /** The visitor data hub: directory, tags and segments, visit events, partners ({@code /admin/v1/visitors}). */
    public VisitorsModule visitors() {
        return m.visitors;
    }

    /** Offers, promo codes and coupons. */
    public OffersModule offers() {
        return m.offers;
    }

    public InventoryService inventory() {
        return m.sales.inventory;
    }

    public ReportsModule reports() {
        return m.reports;
    }

    public MeasuresModule measures() {
        return m.measures;
    }

    /** Gives back some or all passes of a sold booking (counter refunds, operators). */
    public PassCancellation passCancellation() {
        return m.sales.passCancellation;
    }

    public BookingService bookings() {
        return m.sales.bookings;
    }

    public PassQueries passes() {
        return m.sales.passes;
    }

    public ChannelService channels() {
        return m.channels.channels;
    }

    public WebhookService webhooks() {
        return m.channels.webhooks;
    }

    /** Resellers that do not speak OCTO (the Ctrip adapter). */
    public AdaptersModule adapters() {
        return m.adapters;
    }

    public KeyService keys() {
        return m.keys.keys;
    }

    public AdminService admin() {
        return m.admin.admin;
    }

    /** Live flow, forecast, alerts and quotas ({@code /admin/v1/flow}, {@code /dashboard}). */
    public FlowModule flow() {
        return m.flow;
    }

    /** Prometheus metrics ({@code /metrics}); more gauges may be added before start-up completes. */
    public MetricsApi metrics() {
        return platform.metrics();
    }

    /** Keys delegated to box offices ({@code /terminal/v1/counter/delegation}, {@code /admin/v1/delegations}). */
    public Delegations delegations() {
        return m.delegations;
    }

    /** Payments: the service, the reconciler and the simulated provider ({@code /admin/v1/payments}). */
    public PaymentsModule payments() {
        return m.payments;
    }

    /** The counter: selling at kiosks and box offices ({@code /terminal/v1/counter}). */
    public CounterModule counter() {
        return m.counter;
    }

    /** The shop's selling path: channel {@code shop}, saved travellers, checkout ({@code shop/checkout}). */
    public CheckoutModule shopBook() {
        return m.shopBook;
    }

    /** The box office: cashiers, shifts and their cash-up, refunds at the counter. */
    public BoxOfficeModule boxOffice() {
        return m.boxOffice;
    }

    /** Pick-up (取票) of pre-booked tickets at kiosks and box offices. */
    public PickupModule pickup() {
        return m.pickup;
    }

    /** Invoices: the service, the receipt links ({@code /admin/v1/invoices}, {@code /invoice/{token}}). */
    public InvoicesModule invoices() {
        return m.invoices;
    }

    /** Messages to shop visitors ({@code messages().messages.send(...)}). */
    public MessagesModule messages() {
        return m.messages;
    }

    /** The server's address as visitors reach it: {@code http.publicUrl}, else where it listens. */
    private String visitorUrl() {
        return config.publicUrl != null ? config.publicUrl : baseUrl();
    }

    /** The web platform of people's pages: sessions and CSRF ({@code /shop}, {@code /console}). */
    public WebModule web() {
        return m.web;
    }

    /** The visitors' shop ({@code /shop}). */
    public ShopModule shop() {
        return m.shop;
    }

    /** Operators: accounts, roles, the audit log ({@code /admin/v1/operators}, {@code /admin/v1/audit}). */
    public ConsoleModule console() {
        return m.console;
    }

    public DeviceService devices() {
        return m.terminal.devices;
    }

    public SyncFeedService syncFeeds() {
        return m.terminal.syncFeeds;
    }

    public EntryService entries() {
        return m.terminal.entries;
    }

    public PushHub push() {
        return m.terminal.push;
    }

    /** Cross-node events (PostgreSQL LISTEN/NOTIFY; in-process on H2). */
    public ClusterBus cluster() {
        return m.cluster.bus;
    }

    /** Leases of the singleton jobs (hold expiry, flow alerts) shared by the nodes on one database. */
    public JobLeases leases() {
        return m.cluster.leases;
    }

    @Override
    public void close() {
        ready.set(false);
        if (jobs != null) {
            jobs.close();
            m.cluster.leases.close();
        }
        if (pushJobs != null) {
            pushJobs.shutdownNow();
        }
        if (m != null) {
            m.cluster.close();
            m.terminal.close();
        }
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
        if (runMarker != null) {
            runMarker.release();
        }
    }
}
